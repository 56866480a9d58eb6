using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Fields the provider does not model survive a tunnel configuration read and write unchanged.</summary>
public sealed class TunnelConfigurationExtensionDataTests
{
    // As the dashboard or an older/newer tool may leave it: warp-routing, an unknown top-level key, and
    // cloudflared-only origin options the provider's model has no property for.
    private const string DashboardConfig = """
        {
          "warp-routing": {"enabled": true},
          "x-future-setting": {"mode": "strict", "levels": [1, 2, 3], "note": null},
          "originRequest": {"connectTimeout": 10, "proxyAddress": "127.0.0.1"},
          "ingress": [
            {"hostname": "ssh.example.com", "service": "ssh://192.0.2.10:22",
             "originRequest": {"bastionMode": true, "ipRules": [{"prefix": "10.0.0.0/8", "ports": [22, 2222], "allow": true}, {"prefix": "0.0.0.0/0", "allow": false}]}},
            {"hostname": "socks.example.com", "path": "^/p", "service": "socks-proxy",
             "originRequest": {"noTLSVerify": true, "proxyAddress": "0.0.0.0", "proxyPort": 1080, "proxyType": "socks"}},
            {"service": "http_status:404"}
          ]
        }
        """;

    [Fact]
    public async Task GetTunnelConfiguration_UnknownFields_AreExposedAsExtensionData()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnelId = await SeedAsync(h);

        var read = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnelId, CloudflareHarness.Ct);

        var config = read.Config;
        Assert.True(config.ExtensionData!["warp-routing"].GetProperty("enabled").GetBoolean());
        Assert.Equal("strict", config.ExtensionData["x-future-setting"].GetProperty("mode").GetString());
        Assert.Equal(10, config.OriginRequest!.ConnectTimeoutSeconds);
        Assert.Equal("127.0.0.1", config.OriginRequest.ExtensionData!["proxyAddress"].GetString());
        Assert.True(config.Ingress[0].OriginRequest!.ExtensionData!["bastionMode"].GetBoolean());
        Assert.Equal(2, config.Ingress[0].OriginRequest!.ExtensionData!["ipRules"].GetArrayLength());
        Assert.Equal(1080, config.Ingress[1].OriginRequest!.ExtensionData!["proxyPort"].GetInt32());
        Assert.Equal((true, "socks"), (config.Ingress[1].OriginRequest!.NoTlsVerify, config.Ingress[1].OriginRequest!.ProxyType));
        Assert.Null(config.Ingress[2].OriginRequest);
        Assert.Null(config.Ingress[2].ExtensionData);
    }

    [Fact]
    public async Task PutTunnelConfiguration_AsRead_SendsBackEveryFieldUnchanged()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnelId = await SeedAsync(h);
        var read = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnelId, CloudflareHarness.Ct);

        var written = await h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnelId, read.Config, CloudflareHarness.Ct);

        var put = h.Requests.Last(r => r.Method == "PUT" && r.Path.EndsWith("/configurations", StringComparison.Ordinal));
        var sent = JsonNode.Parse(put.Body!)!["config"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DashboardConfig), sent), sent!.ToJsonString());

        // And the stored document (as the emulator answers it) is the dashboard's, key for key.
        Assert.Equal(read.Version + 1, written.Version);
        using var client = new EmulatorClient(h.Emulator);
        var (status, body, _) = await client.SendAsync(HttpMethod.Get, $"/accounts/{h.AccountId}/cfd_tunnel/{tunnelId}/configurations");
        Assert.Equal(200, status);
        var stored = JsonNode.Parse(body.RootElement.GetProperty("result").GetProperty("config").GetRawText());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DashboardConfig), stored), stored!.ToJsonString());
        Assert.True(JsonElement.DeepEquals(read.Config.ExtensionData!["warp-routing"], written.Config.ExtensionData!["warp-routing"]));
    }

    [Fact]
    public async Task PutTunnelConfiguration_ReplacedIngress_KeepsTopLevelExtensionData()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnelId = await SeedAsync(h);
        var read = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnelId, CloudflareHarness.Ct);

        await h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnelId, read.Config with { Ingress = [IngressRule.CatchAll404] }, CloudflareHarness.Ct);
        var reread = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnelId, CloudflareHarness.Ct);

        Assert.True(reread.Config.ExtensionData!["warp-routing"].GetProperty("enabled").GetBoolean());
        Assert.True(JsonElement.DeepEquals(read.Config.ExtensionData!["x-future-setting"], reread.Config.ExtensionData["x-future-setting"]));
        Assert.Equal("127.0.0.1", reread.Config.OriginRequest!.ExtensionData!["proxyAddress"].GetString());
        Assert.Equal([IngressRule.CatchAll404], reread.Config.Ingress);
    }

    [Fact]
    public async Task PutTunnelConfiguration_UnknownRuleKey_IsSentAsGivenAndModelledPropertiesWin()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnelId = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "ext", CloudflareHarness.Ct)).Tunnel.Id;
        var rule = new IngressRule("app.example.com", null, "http://web:8080", new OriginRequestOptions
        {
            NoTlsVerify = true,
            ExtensionData = new Dictionary<string, JsonElement> { ["proxyPort"] = Json("8443"), ["noTLSVerify"] = Json("false") },
        })
        {
            ExtensionData = new Dictionary<string, JsonElement> { ["x-rule-note"] = Json("""{"by":"dashboard"}"""), ["service"] = Json("\"http://evil:1\"") },
        };

        // The emulator, like the documented schema it follows, does not accept unknown rule keys; what matters
        // here is what the provider sent.
        await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnelId, new TunnelIngressConfiguration([rule, IngressRule.CatchAll404]), CloudflareHarness.Ct));

        var put = h.Requests.Last(r => r.Method == "PUT" && r.Path.EndsWith("/configurations", StringComparison.Ordinal));
        var sent = JsonNode.Parse(put.Body!)!["config"]!["ingress"]![0];
        var expected = JsonNode.Parse("""
            {"hostname": "app.example.com", "service": "http://web:8080", "x-rule-note": {"by": "dashboard"},
             "originRequest": {"noTLSVerify": true, "proxyPort": 8443}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, sent), sent!.ToJsonString());
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<string> SeedAsync(CloudflareHarness h)
    {
        var tunnelId = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "dashboard-edited", CloudflareHarness.Ct)).Tunnel.Id;
        using var client = new EmulatorClient(h.Emulator);
        var (status, body, _) = await client.SendAsync(
            HttpMethod.Put, $"/accounts/{h.AccountId}/cfd_tunnel/{tunnelId}/configurations", $$"""{"config":{{DashboardConfig}}}""");
        Assert.True(status == 200, body.RootElement.GetRawText());
        return tunnelId;
    }
}
