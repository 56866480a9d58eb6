namespace DockFlare.CloudflareEmulator.State;

/// <summary>An API token the emulator accepts: who owns it, which accounts and which permission groups it has.</summary>
internal sealed class TokenState
{
    public required string Value { get; init; }

    public required string Id { get; init; }

    /// <summary><c>user</c> or <c>account</c> (an account-owned <c>cfat_</c> token).</summary>
    public string Owner { get; init; } = "user";

    public List<string> AccountIds { get; init; } = [];

    public HashSet<string> Permissions { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string Status { get; init; } = "active";

    public bool IsAccountOwned => string.Equals(Owner, "account", StringComparison.OrdinalIgnoreCase);

    public bool Has(string permission) =>
        Permissions.Contains("*") || Permissions.Contains(permission)
        || (permission.EndsWith(" Read", StringComparison.Ordinal) && Permissions.Contains(permission[..^5] + " Write"));
}
