using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// The size limits of what an admin sends about agents — a key's label, the entries of publish scopes — checked the same
/// way for the REST API and the Agents pages. What a scope entry may look like is the registry's check, not this one.
/// </summary>
internal static class AgentAdminInput
{
    public const int MaxLabelLength = 100;
    public const int MaxScopeEntries = 200;
    public const int MaxScopeEntryLength = 253;

    /// <summary>The trimmed label of a new key, or the problem.</summary>
    public static (string Label, string? Problem) Label(string? label)
    {
        var trimmed = label?.Trim() ?? "";
        return trimmed.Length > MaxLabelLength
            ? (trimmed, $"'label' must be at most {MaxLabelLength} characters.")
            : (trimmed, null);
    }

    /// <summary>Publish scopes from their two lists (null: empty), or the problem naming the list.</summary>
    public static (AgentScopes? Scopes, string? Problem) Scopes(IReadOnlyList<string>? zones, IReadOnlyList<string>? hostnames)
    {
        var problem = ScopeListProblem(zones ?? [], "zones") ?? ScopeListProblem(hostnames ?? [], "hostnames");
        return problem is null ? (new AgentScopes(zones ?? [], hostnames ?? []), null) : (null, problem);
    }

    private static string? ScopeListProblem(IReadOnlyList<string> values, string field) =>
        values.Count > MaxScopeEntries ? $"'{field}' may hold at most {MaxScopeEntries} entries."
        : values.Any(v => v.Length > MaxScopeEntryLength) ? $"'{field}' entries must be at most {MaxScopeEntryLength} characters."
        : null;
}
