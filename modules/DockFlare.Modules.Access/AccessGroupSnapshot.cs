namespace DockFlare.Modules.Access;

/// <summary>
/// The Access groups that can be used right now: their definitions and, with reusable policies, the id
/// of the Cloudflare policy DockFlare owns for each.
/// </summary>
/// <param name="Groups">Usable groups by id.</param>
/// <param name="PolicyIds">Group id → reusable policy id (empty when reusable policies are off).</param>
internal sealed record AccessGroupSnapshot(
    IReadOnlyDictionary<string, AccessGroupDefinition> Groups,
    IReadOnlyDictionary<string, string> PolicyIds)
{
    /// <summary>Groups that cannot be used, with why (invalid, or a same-named policy DockFlare did not create).</summary>
    public IReadOnlyDictionary<string, AccessGroupUnavailable> Unavailable { get; init; } = new Dictionary<string, AccessGroupUnavailable>();

    /// <summary>Reusable policy id → group id.</summary>
    public IReadOnlyDictionary<string, string> GroupsByPolicyId { get; } =
        PolicyIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
}
