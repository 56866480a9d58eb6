using System.Globalization;
using DockFlare.CloudflareEmulator;

// Standalone: dotnet run --project samples/DockFlare.CloudflareEmulator -- --urls http://127.0.0.1:8787
var (options, urls) = EmulatorCommandLine.Parse(args);
await using var emulator = await CloudflareEmulatorApp.StartAsync(options, urls, standalone: true, CancellationToken.None);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cloudflare API emulator listening on {emulator.BaseUrl}"));
Console.WriteLine($"  CF_API_BASE_URL={emulator.BaseUrl}");
Console.WriteLine($"  CF_ACCOUNT_ID={emulator.AccountId}");
Console.WriteLine($"  CF_API_TOKEN={emulator.Token}");
foreach (var (zone, id) in emulator.ZoneIds.OrderBy(z => z.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  zone {zone} = {id}");
}

Console.WriteLine($"  admin: {emulator.RootUrl}__emulator/requests | state | faults");

await emulator.WaitForShutdownAsync();
