using System.Text.Json;

namespace DockFlare.EndToEndTests.Support;

/// <summary>What the emulated account holds, read once: each tunnel's ingress, the DNS records, the Access applications.</summary>
internal sealed record CloudflareSnapshot(
    IReadOnlyDictionary<string, IReadOnlyList<string>> IngressByTunnelId,
    IReadOnlyList<DnsRecordView> Records,
    IReadOnlyList<string> AccessDomains,
    IReadOnlySet<string> LiveTunnelIds)
{
    public const string CatchAll = "http_status:404";

    public static async Task<CloudflareSnapshot> ReadAsync(EmulatorProcess emulator)
    {
        var account = await emulator.AccountAsync();
        var tunnels = account.GetProperty("tunnels").EnumerateArray().ToList();
        return new CloudflareSnapshot(
            tunnels.ToDictionary(t => t.GetProperty("id").GetString()!, t => (IReadOnlyList<string>)Ingress(t)),
            [.. account.GetProperty("zones").EnumerateArray().SelectMany(z => z.GetProperty("dns_records").EnumerateArray())
                .Select(r => new DnsRecordView(r.GetProperty("id").GetString()!, r.GetProperty("name").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("content").GetString()!))
                .OrderBy(r => r.Name, StringComparer.Ordinal)],
            [.. account.GetProperty("access").GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("domain").GetString()!).Order(StringComparer.Ordinal)],
            tunnels.Where(t => !t.TryGetProperty("deleted_at", out var deleted) || deleted.ValueKind == JsonValueKind.Null)
                .Select(t => t.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A tunnel's ingress as <c>host [path] -> service</c> lines, in order; the catch-all as its service alone.</summary>
    public IReadOnlyList<string> Ingress(string tunnelId) => IngressByTunnelId.GetValueOrDefault(tunnelId) ?? [];

    /// <summary>The DNS record of <paramref name="name"/>, or null.</summary>
    public DnsRecordView? Record(string name) => Records.SingleOrDefault(r => r.Name == name);

    private static List<string> Ingress(JsonElement tunnel)
    {
        if (!tunnel.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. config.GetProperty("ingress").EnumerateArray().Select(r =>
        {
            var service = r.GetProperty("service").GetString();
            if (!r.TryGetProperty("hostname", out var hostname) || hostname.ValueKind == JsonValueKind.Null)
            {
                return service!;
            }

            var path = r.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? " " + p.GetString() : "";
            return $"{hostname.GetString()}{path} -> {service}";
        })];
    }
}
