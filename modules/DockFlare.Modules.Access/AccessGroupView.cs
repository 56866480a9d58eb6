namespace DockFlare.Modules.Access;

/// <summary>One Access group as the API and the UI show it.</summary>
/// <param name="Group">The definition (for authenticated-default when it cannot be made: its shape without rules).</param>
/// <param name="IsSystem">A system group: built by DockFlare, read-only.</param>
/// <param name="PolicyName">The name of its reusable Cloudflare policy.</param>
/// <param name="Sync">Whether its Cloudflare policy follows the definition, as far as this master knows.</param>
/// <param name="UsedBy">The routes that name it (<c>app.example.com/api (container web on local)</c>).</param>
public sealed record AccessGroupView(
    AccessGroupDefinition Group,
    bool IsSystem,
    string PolicyName,
    AccessGroupSyncStatus Sync,
    IReadOnlyList<string> UsedBy);
