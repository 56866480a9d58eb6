using System.Globalization;

namespace DockFlare.CloudflareEmulator;

/// <summary>
/// Command-line options: <c>--urls</c>, <c>--seed file.json</c>, <c>--token</c>, <c>--account-name</c>,
/// <c>--zone name</c> (repeatable), <c>--rate-limit n</c>, <c>--rate-window seconds</c>,
/// <c>--identical-record-code 81057|81058</c>, <c>--unknown-zone-code 1003|7003</c>.
/// </summary>
internal static class EmulatorCommandLine
{
    public const string DefaultUrls = "http://127.0.0.1:8787";

    /// <exception cref="ArgumentException">An option is unknown or has a bad value.</exception>
    public static (EmulatorOptions Options, string Urls) Parse(IReadOnlyList<string> args)
    {
        var urls = DefaultUrls;
        var options = new EmulatorOptions();
        var zones = new List<string>();
        string? token = null;
        string? accountName = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.", nameof(args));
            switch (name)
            {
                case "--urls": urls = value; break;
                case "--seed": options = options with { Seed = EmulatorSeed.FromJson(File.ReadAllText(value)) }; break;
                case "--token": token = value; break;
                case "--account-name": accountName = value; break;
                case "--zone": zones.Add(value); break;
                case "--rate-limit": options = options with { RateLimitRequests = Number(name, value) }; break;
                case "--rate-window": options = options with { RateLimitWindow = TimeSpan.FromSeconds(Number(name, value)) }; break;
                case "--identical-record-code": options = options with { IdenticalRecordCode = Number(name, value) }; break;
                case "--unknown-zone-code": options = options with { UnknownZoneCode = Number(name, value) }; break;
                default: throw new ArgumentException($"Unknown option {name}.", nameof(args));
            }
        }

        if (token is not null || accountName is not null || zones.Count > 0)
        {
            var account = options.Seed.Accounts.Count > 0 ? options.Seed.Accounts[0] : new SeedAccount();
            account = account with
            {
                Name = accountName ?? account.Name,
                Zones = zones.Count > 0 ? zones.Select(z => new SeedZone { Name = z }).ToList() : account.Zones,
            };
            options = options with
            {
                Seed = options.Seed with
                {
                    Accounts = [account, .. options.Seed.Accounts.Skip(1)],
                    Tokens = token is null ? options.Seed.Tokens : [new SeedToken { Value = token }, .. options.Seed.Tokens.Skip(1)],
                },
            };
        }

        return (options, urls);
    }

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} needs a positive whole number.", nameof(value));
}
