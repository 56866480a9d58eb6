using DockFlare.CloudflareEmulator;

namespace DockFlare.Host.Sandbox;

/// <summary>
/// Sandbox mode's Cloudflare: the emulator, started in-process on a free loopback port with one account and the
/// zones <c>example.com</c> and <c>example.co.uk</c>. Its settings go into the configuration the plugins read.
/// </summary>
internal static class SandboxCloudflare
{
    public static readonly IReadOnlyList<string> ZoneNames = ["example.com", "example.co.uk"];

    public static EmulatorOptions Options { get; } = new()
    {
        Seed = new EmulatorSeed
        {
            Accounts =
            [
                new SeedAccount { Name = "DockFlare Sandbox", Zones = [.. ZoneNames.Select(name => new SeedZone { Name = name })] },
            ],
            Tokens = [new SeedToken()],
        },
    };

    // Build is synchronous (Program and the tests call it before anything runs), so the start is awaited here.
    public static RunningEmulator Start() =>
        CloudflareEmulatorApp.StartAsync(Options, "http://127.0.0.1:0").GetAwaiter().GetResult();

    /// <summary>The settings the Cloudflare plugin reads, pointing it at <paramref name="emulator"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> PluginSettings(RunningEmulator emulator) =>
    [
        new("CF_API_BASE_URL", emulator.BaseUrl.AbsoluteUri),
        new("CF_API_TOKEN", emulator.Token),
        new("CF_ACCOUNT_ID", emulator.AccountId),
    ];
}
