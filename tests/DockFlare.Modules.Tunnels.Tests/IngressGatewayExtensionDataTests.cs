using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Routing;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>What the provider does not model survives an ingress rewrite (the "preserve unmanaged ingress fields" behaviour).</summary>
public sealed class IngressGatewayExtensionDataTests
{
    // A rule made in the dashboard with cloudflared-only origin options.
    private const string ForeignRule =
        """{"hostname":"ssh.example.com","service":"ssh://192.0.2.10:22","originRequest":{"bastionMode":true,"ipRules":[{"prefix":"10.0.0.0/8","ports":[22],"allow":true}],"connectTimeout":15}}""";

    // A rule DockFlare owns, to which someone added a proxy and a timeout in the dashboard.
    private const string OwnedRuleAsLive =
        """{"hostname":"app.example.com","service":"http://old-app:8080","originRequest":{"proxyAddress":"127.0.0.1","proxyPort":8443,"connectTimeout":20,"noTLSVerify":true,"httpHostHeader":"stale.internal"}}""";

    private const string WarpRouting = """{"enabled":true}""";

    private static CancellationToken Ct => TunnelsTestBed.Ct;

    [Fact]
    public async Task ApplyAsync_DashboardFieldsEverywhere_KeepsWarpRoutingForeignRuleAndOwnedRulesUnmanagedOptions()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(
            known.Id, $$"""{"warp-routing":{{WarpRouting}},"ingress":[{{ForeignRule}},{{OwnedRuleAsLive}},{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        var app = new IngressRule("app.example.com", null, "http://app:8080", new OriginRequest { Http2Origin = true });

        await gateway.ApplyAsync(
            Put(live, new(live.Ingress[0], null, 0), new(app, "local/app", null), new(live.Ingress[2], null, 2)), Ct);

        var put = bed.Calls("PUT", "/configurations")[^1];
        var config = JsonNode.Parse(put.Body!)!["config"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WarpRouting), config["warp-routing"]), config.ToJsonString());
        var ingress = config["ingress"]!.AsArray();
        Assert.Equal(3, ingress.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ForeignRule), ingress[0]), ingress[0]!.ToJsonString());

        // Core-modelled options come from DockFlare (noTLSVerify and httpHostHeader are dropped, http2Origin set);
        // what Core does not model stays as the dashboard left it.
        var expectedOwned = JsonNode.Parse(
            """{"hostname":"app.example.com","service":"http://app:8080","originRequest":{"proxyAddress":"127.0.0.1","proxyPort":8443,"connectTimeout":20,"http2Origin":true}}""");
        Assert.True(JsonNode.DeepEquals(expectedOwned, ingress[1]), ingress[1]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"service":"http_status:404"}"""), ingress[2]), ingress[2]!.ToJsonString());

        // And a further read plans from the rule DockFlare wrote.
        var after = Assert.Single(await gateway.ReadAsync([known], Ct));
        Assert.Equal([live.Ingress[0], app, live.Ingress[2]], after.Ingress);
    }

    [Fact]
    public async Task ApplyAsync_OwnedRuleWithoutLiveCounterpart_WritesOnlyWhatDockFlareModels()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(known.Id, $$"""{"warp-routing":{{WarpRouting}},"ingress":[{{OwnedRuleAsLive}},{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        var other = new IngressRule("app.example.com", "^/api", "http://api:8080", null);

        await gateway.ApplyAsync(Put(live, new(other, "local/api", null), new(live.Ingress[0], null, 0), new(live.Ingress[1], null, 1)), Ct);

        var config = JsonNode.Parse(bed.Calls("PUT", "/configurations")[^1].Body!)!["config"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WarpRouting), config["warp-routing"]), config.ToJsonString());
        var ingress = config["ingress"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"hostname":"app.example.com","path":"^/api","service":"http://api:8080"}"""), ingress[0]), ingress[0]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(OwnedRuleAsLive), ingress[1]), ingress[1]!.ToJsonString());
    }

    private static IngressPutOperation Put(ObservedTunnel observed, params PlannedIngressRule[] after) =>
        new(observed.Tunnel, observed.TunnelId, observed.Ingress, after, new PlanCause("test", []));
}
