using System.Net.Http.Headers;
using System.Text.Json;
using DockFlare.CloudflareEmulator;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>What Cloudflare (the emulator) holds: a tunnel's ingress, a zone's DNS records, a tunnel's connector token.</summary>
internal sealed class EmulatorView(RunningEmulator emulator)
{
    /// <summary>The ingress rules of <paramref name="tunnelId"/> as (hostname, service); the catch-all has a null hostname.</summary>
    public IReadOnlyList<(string? Hostname, string? Service)> Ingress(string tunnelId)
    {
        using var state = emulator.State();
        var tunnel = Account(state).GetProperty("tunnels").EnumerateArray().Single(t => t.GetProperty("id").GetString() == tunnelId);
        if (!tunnel.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. config.GetProperty("ingress").EnumerateArray().Select(r => (
            r.TryGetProperty("hostname", out var h) ? h.GetString() : null,
            r.TryGetProperty("service", out var s) ? s.GetString() : null))];
    }

    /// <summary>The DNS records named <paramref name="name"/> as (type, content).</summary>
    public IReadOnlyList<(string Type, string Content)> Records(string name)
    {
        using var state = emulator.State();
        return [.. Account(state).GetProperty("zones").EnumerateArray()
            .SelectMany(z => z.GetProperty("dns_records").EnumerateArray())
            .Where(r => r.GetProperty("name").GetString() == name)
            .Select(r => (r.GetProperty("type").GetString()!, r.GetProperty("content").GetString()!))];
    }

    /// <summary>Whether <paramref name="hostname"/> is published on <paramref name="tunnelId"/>: its ingress rule and its CNAME.</summary>
    public bool IsPublished(string hostname, string tunnelId, string service) =>
        Ingress(tunnelId).Contains((hostname, service))
        && Records(hostname).Contains(("CNAME", tunnelId + ".cfargotunnel.com"));

    /// <summary>The connector token Cloudflare gives for <paramref name="tunnelId"/>.</summary>
    public async Task<string> TokenAsync(string tunnelId)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUrl, $"accounts/{emulator.AccountId}/cfd_tunnel/{tunnelId}/token"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("result").GetString()!;
    }

    private JsonElement Account(JsonDocument state) =>
        state.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == emulator.AccountId);
}
