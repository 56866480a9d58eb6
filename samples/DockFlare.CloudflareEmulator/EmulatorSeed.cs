using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>The state an emulator starts with; loadable from a JSON file (<c>--seed file.json</c>).</summary>
public sealed record EmulatorSeed
{
    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The accounts with their zones and records.</summary>
    [JsonPropertyName("accounts")]
    public IReadOnlyList<SeedAccount> Accounts { get; init; } = [];

    /// <summary>The API tokens accepted.</summary>
    [JsonPropertyName("tokens")]
    public IReadOnlyList<SeedToken> Tokens { get; init; } = [];

    /// <summary>One account with <c>example.com</c> and <c>example.org</c>, and one user token with every permission.</summary>
    public static EmulatorSeed Default { get; } = new()
    {
        Accounts = [new SeedAccount { Name = "DockFlare Emulator", Zones = [new SeedZone { Name = "example.com" }, new SeedZone { Name = "example.org" }] }],
        Tokens = [new SeedToken { Value = SeedToken.DefaultValue }],
    };

    /// <summary>Reads a seed from JSON (see <c>samples/DockFlare.CloudflareEmulator/seed.example.json</c>).</summary>
    /// <exception cref="JsonException">The file is not a valid seed.</exception>
    public static EmulatorSeed FromJson(string json) =>
        JsonSerializer.Deserialize<EmulatorSeed>(json, FileOptions) ?? throw new JsonException("The seed is empty.");
}
