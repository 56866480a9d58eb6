namespace DockFlare.Core.Engine;

/// <summary>
/// A route made in the UI or the API. It goes through the same validation as labels and
/// always wins a conflict with a container.
/// </summary>
/// <param name="Id">The rule's stable id.</param>
/// <param name="Tunnel">The tunnel it is published on.</param>
/// <param name="Hostname">The public hostname, as typed.</param>
/// <param name="Service">The origin service, as typed.</param>
public sealed record ManualRule(string Id, string Tunnel, string Hostname, string Service)
{
    /// <summary>The path, as typed (plain path or regular expression); null for the whole host.</summary>
    public string? Path { get; init; }

    /// <summary>An explicit zone name; null to resolve it from the hostname.</summary>
    public string? ZoneName { get; init; }

    /// <summary>Origin options, by label name (<c>no_tls_verify</c>, <c>originsrvname</c>, ...) and text value.</summary>
    public IReadOnlyDictionary<string, string>? OriginOptions { get; init; }

    /// <summary>Access settings, by label name without the prefix (<c>access.group</c>, <c>access.policy</c>, ...).</summary>
    public IReadOnlyDictionary<string, string>? AccessOptions { get; init; }

    /// <summary>When the rule was created; orders manual rules that contest one route.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
