using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Routing;

namespace DockFlare.Modules.Tunnels.Tests;

public sealed class IngressGatewayTests
{
    // A rule made in the dashboard, with origin options Core does not model (B10).
    private const string LegacyRule =
        """{"hostname":"legacy.example.com","service":"http://192.0.2.20:8080","originRequest":{"connectTimeout":30,"caPool":"/etc/ssl/legacy.pem","keepAliveConnections":50,"noHappyEyeballs":true,"access":{"required":true,"teamName":"home","audTag":["aud-1"]}}}""";

    private const string GlobalDefaults = """{"connectTimeout":10,"noTLSVerify":true}""";

    private static CancellationToken Ct => TunnelsTestBed.Ct;

    [Fact]
    public async Task ReadAsync_TunnelWithoutConfiguration_ReturnsEmptyIngress()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var id = await bed.CreateTunnelAsync("fresh");

        var observed = await bed.Gateway().ReadAsync([new KnownTunnel("fresh", id, LocalHost.Name)], Ct);

        var tunnel = Assert.Single(observed);
        Assert.Equal(("fresh", id), (tunnel.Tunnel, tunnel.TunnelId));
        Assert.Empty(tunnel.Ingress);
    }

    [Fact]
    public async Task ApplyAsync_RuleWithOriginServerName_ReadsBackWithEveryOriginOption()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        var gateway = bed.Gateway();
        var nas = new IngressRule("nas.example.com", "^/ui", "https://192.0.2.40:443", new OriginRequest
        {
            OriginServerName = "nas.internal.example",
            NoTlsVerify = false,
            HttpHostHeader = "nas.example.com",
            Http2Origin = true,
            DisableChunkedEncoding = true,
            MatchSniToHost = false,
        });
        var before = Assert.Single(await gateway.ReadAsync([known], Ct));

        await gateway.ApplyAsync(Put(before, new(nas, "manual/nas", null), new(IngressRule.CatchAll, null, null)), Ct);
        var after = Assert.Single(await gateway.ReadAsync([known], Ct));

        Assert.Equal([nas, IngressRule.CatchAll], after.Ingress);
        var put = Assert.Single(bed.Calls("PUT", "/configurations"));
        Assert.Equal("nas.internal.example", (string?)JsonNode.Parse(put.Body!)!["config"]!["ingress"]![0]!["originRequest"]!["originServerName"]);
    }

    [Fact]
    public async Task ApplyAsync_ForeignDashboardRuleKept_ResendsItExactlyAsRead()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(known.Id, $$"""{"ingress":[{{LegacyRule}},{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        var app = new IngressRule("app.example.com", null, "http://app:8080", null);

        await gateway.ApplyAsync(Put(live, new(app, "local/app", null), new(live.Ingress[0], null, 0), new(live.Ingress[1], null, 1)), Ct);

        var put = bed.Calls("PUT", "/configurations")[^1];
        var ingress = JsonNode.Parse(put.Body!)!["config"]!["ingress"]!.AsArray();
        Assert.Equal(3, ingress.Count);
        Assert.Equal("app.example.com", (string?)ingress[0]!["hostname"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(LegacyRule), ingress[1]), ingress[1]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"service":"http_status:404"}"""), ingress[2]), ingress[2]!.ToJsonString());
    }

    [Fact]
    public async Task ApplyAsync_ConfigurationHasGlobalOriginDefaults_KeepsThem()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(known.Id, $$"""{"originRequest":{{GlobalDefaults}},"ingress":[{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));

        await gateway.ApplyAsync(Put(live, new(new IngressRule("app.example.com", null, "http://app:8080", null), "local/app", null), new(live.Ingress[0], null, 0)), Ct);

        var put = bed.Calls("PUT", "/configurations")[^1];
        var config = JsonNode.Parse(put.Body!)!["config"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(GlobalDefaults), config["originRequest"]), config.ToJsonString());
        Assert.Equal(2, config["ingress"]!.AsArray().Count);
    }

    [Fact]
    public async Task ApplyAsync_DashboardEditBetweenPlanAndApply_ThrowsConflictAndWritesNothing()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(known.Id, """{"ingress":[{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var planned = Assert.Single(await gateway.ReadAsync([known], Ct));
        await bed.SeedConfigurationAsync(known.Id, $$"""{"ingress":[{{LegacyRule}},{"service":"http_status:404"}]}""");
        var putsBefore = bed.Calls("PUT", "/configurations").Count;

        var operation = Put(planned, new(new IngressRule("app.example.com", null, "http://app:8080", null), "local/app", null), new(planned.Ingress[0], null, 0));
        var error = await Assert.ThrowsAsync<ReconcileConflictException>(() => gateway.ApplyAsync(operation, Ct));

        Assert.Contains("home", error.Message, StringComparison.Ordinal);
        Assert.Equal(putsBefore, bed.Calls("PUT", "/configurations").Count);
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        Assert.Equal("legacy.example.com", live.Ingress[0].Hostname);
    }

    [Fact]
    public async Task ApplyAsync_CloudflareRejectsThePut_ThrowsNamingTheTunnelAndCloudflareError()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("Home Lab (main)", await bed.CreateTunnelAsync("Home Lab (main)"), LocalHost.Name);
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "PUT", Path = "/configurations$", Status = 400, Code = 1055, Message = "Bad Configuration", Count = 0 });

        var operation = Put(live, new(new IngressRule("app.example.com", null, "http://app:8080", null), "local/app", null), new(IngressRule.CatchAll, null, null));
        var error = await Assert.ThrowsAsync<ReconcileException>(() => gateway.ApplyAsync(operation, Ct));

        Assert.IsNotType<ReconcileConflictException>(error);
        Assert.Contains("Home Lab (main)", error.Message, StringComparison.Ordinal);
        Assert.Contains("1055 Bad Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ConfigurationReadFails_ThrowsNamingTheTunnelAndCloudflareError()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/configurations$", Status = 403, Code = 10000, Message = "Authentication error", Count = 0 });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway().ReadAsync([known], Ct));

        Assert.Contains("'home'", error.Message, StringComparison.Ordinal);
        Assert.Contains("10000 Authentication error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PlanKeepsARuleThatIsNotAtItsIndex_ThrowsAndWritesNothing()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var known = new KnownTunnel("home", await bed.CreateTunnelAsync("home"), LocalHost.Name);
        await bed.SeedConfigurationAsync(known.Id, $$"""{"ingress":[{{LegacyRule}},{"service":"http_status:404"}]}""");
        var gateway = bed.Gateway();
        var live = Assert.Single(await gateway.ReadAsync([known], Ct));
        var putsBefore = bed.Calls("PUT", "/configurations").Count;

        var operation = Put(live, new(live.Ingress[0], null, 1), new(live.Ingress[1], null, 1));
        await Assert.ThrowsAsync<ReconcileException>(() => gateway.ApplyAsync(operation, Ct));

        Assert.Equal(putsBefore, bed.Calls("PUT", "/configurations").Count);
    }

    private static IngressPutOperation Put(ObservedTunnel observed, params PlannedIngressRule[] after) =>
        new(observed.Tunnel, observed.TunnelId, observed.Ingress, after, new PlanCause("test", []));
}
