using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>A seeded API token.</summary>
public sealed record SeedToken
{
    /// <summary>The token the default seed uses (40 characters, like a real one).</summary>
    public const string DefaultValue = "dockflare-emulator-token-0123456789abcde";

    /// <summary>The token string (at least 40 of <c>A-Z a-z 0-9 _ -</c>; account-owned ones start with <c>cfat_</c>).</summary>
    [JsonPropertyName("value")] public string Value { get; init; } = DefaultValue;

    /// <summary><c>user</c> or <c>account</c>.</summary>
    [JsonPropertyName("owner")] public string Owner { get; init; } = "user";

    /// <summary>Account ids or names the token may use; empty means every seeded account.</summary>
    [JsonPropertyName("accounts")] public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Permission group names (see <see cref="EmulatorPermissions"/>); <c>*</c> means all.</summary>
    [JsonPropertyName("permissions")] public IReadOnlyList<string> Permissions { get; init; } = ["*"];

    /// <summary><c>active</c>, <c>disabled</c> or <c>expired</c>.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "active";

    /// <summary>Never the token value.</summary>
    public override string ToString() => $"SeedToken {{ Owner = {Owner}, Status = {Status} }}";
}
