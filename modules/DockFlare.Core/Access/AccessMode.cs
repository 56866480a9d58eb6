namespace DockFlare.Core.Access;

/// <summary>What the Access labels of a route ask for.</summary>
public enum AccessMode
{
    /// <summary>No Access labels: any Access app DockFlare created for this domain must go.</summary>
    None,

    /// <summary>An app protected by reusable policies of Access groups (legacy <c>bypass</c> and <c>authenticate</c> map here).</summary>
    Groups,

    /// <summary>Legacy <c>default_tld</c>: no app of our own; rely on the zone's wildcard app.</summary>
    ZoneDefault,

    /// <summary>An app with the inline policies of <c>access.custom_rules</c>.</summary>
    CustomRules,
}
