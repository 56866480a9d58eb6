using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>No token, tunnel secret or client secret ever reaches a log, an exception message or a ToString.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task ProviderLogs_FullWorkflowAtTraceLevel_NeverContainSecrets()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new DockFlare.CloudflareEmulator.FaultRule { Method = "GET", Path = "/token$", Status = 503 });
        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "secret-check", CloudflareHarness.Ct);
        var token = await h.Tunnels.GetTunnelTokenAsync(h.AccountId, created.Tunnel.Id, CloudflareHarness.Ct);
        var service = await h.ServiceTokens.CreateServiceTokenAsync(h.AccountId, new ServiceTokenRequest("s"), CloudflareHarness.Ct);
        await h.Verifier.VerifyAsync(h.Emulator.Token, h.AccountId, CloudflareHarness.Ct);
        await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.CreateTunnelAsync(h.AccountId, "secret-check", CloudflareHarness.Ct));

        var secret = Convert.FromBase64String(token.Value) is var bytes
            ? JsonDocument.Parse(bytes).RootElement.GetProperty("s").GetString()!
            : "";
        var forbidden = new[] { h.Emulator.Token, token.Value, secret, service.ClientSecret };
        var logged = string.Join('\n', h.Logs.Entries.Select(e => e.Message + e.Exception));

        Assert.NotEmpty(h.Logs.Entries);
        Assert.All(forbidden, f => Assert.DoesNotContain(f, logged, StringComparison.Ordinal));
        Assert.All(forbidden, f => Assert.DoesNotContain(f, created.ToString(), StringComparison.Ordinal));
        Assert.All(forbidden, f => Assert.DoesNotContain(f, service.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(h.Emulator.Token, h.Get<CloudflareSettings>().ToString(), StringComparison.Ordinal);
        var served = string.Join('\n', h.Requests.Select(r => r.Body + r.ResponseBody));
        Assert.All(forbidden, f => Assert.DoesNotContain(f, served, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmulatorRequestLog_TunnelSecretInBody_IsRedacted()
    {
        await using var emulator = await DockFlare.CloudflareEmulator.CloudflareEmulatorApp.StartAsync(new DockFlare.CloudflareEmulator.EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var secret = Convert.ToBase64String(new byte[32]);

        await client.SendAsync(HttpMethod.Post, $"/accounts/{emulator.AccountId}/cfd_tunnel", new { name = "local", tunnel_secret = secret });

        Assert.DoesNotContain(secret, emulator.Requests.Single().Body, StringComparison.Ordinal);
        Assert.Contains("\"tunnel_secret\":\"***\"", emulator.Requests.Single().Body, StringComparison.Ordinal);
    }
}
