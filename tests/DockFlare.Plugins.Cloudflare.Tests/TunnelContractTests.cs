using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Tunnels through the provider against the emulator.</summary>
public sealed class TunnelContractTests
{
    private static readonly TunnelIngressConfiguration Ingress = new(
    [
        new IngressRule("app.example.com", null, "http://web:8080", new OriginRequestOptions { NoTlsVerify = true, ConnectTimeoutSeconds = 30, MatchSniToHost = true }),
        new IngressRule("*.example.com", "^/api", "https://10.0.0.5:443"),
        IngressRule.CatchAll404,
    ]);

    [Fact]
    public async Task CreateTunnel_RemotelyManaged_ReturnsTunnelAndDecodableToken()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "dockflare-master", CloudflareHarness.Ct);

        Assert.Equal("dockflare-master", created.Tunnel.Name);
        Assert.Equal("cloudflare", created.Tunnel.ConfigSource);
        Assert.Equal("inactive", created.Tunnel.Status);
        var content = created.Token!.TryDecode();
        Assert.Equal((h.AccountId, created.Tunnel.Id), (content!.AccountTag, content.TunnelId));
        Assert.Equal("{\"name\":\"dockflare-master\",\"config_src\":\"cloudflare\"}", h.Requests.Single().Body);
    }

    [Fact]
    public async Task CreateTunnel_NameOfLiveTunnel_ThrowsNameConflictWithoutRetry()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Tunnels.CreateTunnelAsync(h.AccountId, "same", CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.CreateTunnelAsync(h.AccountId, "same", CloudflareHarness.Ct));

        Assert.Equal(409, ex.StatusCode);
        Assert.True(ex.IsTunnelNameConflict);
        Assert.False(ex.IsTransient);
        Assert.Equal(2, h.Requests.Count);
    }

    [Fact]
    public async Task CreateTunnel_NameOfDeletedTunnel_IsAllowed()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var first = await h.Tunnels.CreateTunnelAsync(h.AccountId, "reused", CloudflareHarness.Ct);
        await h.Tunnels.DeleteTunnelAsync(h.AccountId, first.Tunnel.Id, cascade: false, CloudflareHarness.Ct);

        var second = await h.Tunnels.CreateTunnelAsync(h.AccountId, "reused", CloudflareHarness.Ct);

        Assert.NotEqual(first.Tunnel.Id, second.Tunnel.Id);
    }

    [Fact]
    public async Task ListTunnels_MoreThanOnePage_ReturnsEveryLiveTunnel()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 230; i++)
        {
            ids.Add((await h.Tunnels.CreateTunnelAsync(h.AccountId, $"t{i:000}", CloudflareHarness.Ct)).Tunnel.Id);
        }

        await h.Tunnels.DeleteTunnelAsync(h.AccountId, ids[0], cascade: false, CloudflareHarness.Ct);
        h.Emulator.ClearRequests();

        var live = await h.Tunnels.ListTunnelsAsync(h.AccountId, TunnelQuery.Live, CloudflareHarness.Ct);
        var all = await h.Tunnels.ListTunnelsAsync(h.AccountId, new TunnelQuery(IncludeDeleted: true), CloudflareHarness.Ct);

        Assert.Equal(229, live.Count);
        Assert.Equal(230, all.Count);
        Assert.DoesNotContain(live, t => t.Id == ids[0]);
        Assert.Equal(6, h.Requests.Count);
        Assert.All(h.Requests.Take(3), r => Assert.Contains("is_deleted=false", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTunnels_ByName_FindsExactlyThatTunnel()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Tunnels.CreateTunnelAsync(h.AccountId, "agent-one", CloudflareHarness.Ct);
        var two = await h.Tunnels.CreateTunnelAsync(h.AccountId, "agent-two", CloudflareHarness.Ct);

        var found = await h.Tunnels.ListTunnelsAsync(h.AccountId, new TunnelQuery("agent-two"), CloudflareHarness.Ct);

        Assert.Equal(two.Tunnel.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task DeleteTunnel_WithConnector_ThrowsActiveConnectionsUnlessCascaded()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "busy", CloudflareHarness.Ct)).Tunnel;
        h.Emulator.AttachConnector(tunnel.Id);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.DeleteTunnelAsync(h.AccountId, tunnel.Id, cascade: false, CloudflareHarness.Ct));
        Assert.True(ex.IsActiveConnections);
        Assert.False(ex.IsNotFound);

        Assert.True(await h.Tunnels.DeleteTunnelAsync(h.AccountId, tunnel.Id, cascade: true, CloudflareHarness.Ct));
        var deleted = await h.Tunnels.GetTunnelAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);
        Assert.True(deleted!.IsDeleted);
        Assert.Contains(h.Requests, r => r.Method == "DELETE" && r.Query == "?cascade=true");
    }

    [Fact]
    public async Task DeleteTunnel_UnknownOrAlreadyDeleted_ReturnsFalse()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "gone", CloudflareHarness.Ct)).Tunnel;

        Assert.True(await h.Tunnels.DeleteTunnelAsync(h.AccountId, tunnel.Id, cascade: false, CloudflareHarness.Ct));
        Assert.False(await h.Tunnels.DeleteTunnelAsync(h.AccountId, tunnel.Id, cascade: false, CloudflareHarness.Ct));
        Assert.Null(await h.Tunnels.GetTunnelAsync(h.AccountId, Guid.NewGuid().ToString(), CloudflareHarness.Ct));
    }

    [Fact]
    public async Task GetTunnelToken_Envelope_MatchesCreateToken()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "tok", CloudflareHarness.Ct);

        var token = await h.Tunnels.GetTunnelTokenAsync(h.AccountId, created.Tunnel.Id, CloudflareHarness.Ct);

        Assert.Equal(created.Token!.Value, token.Value);
        Assert.True(token.IsFor(created.Tunnel.Id));
        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutTunnelConfiguration_ValidIngress_ReplacesAndBumpsVersion()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "cfg", CloudflareHarness.Ct)).Tunnel;
        var before = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);

        var first = await h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnel.Id, Ingress, CloudflareHarness.Ct);
        var second = await h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnel.Id, new TunnelIngressConfiguration([IngressRule.CatchAll404]), CloudflareHarness.Ct);
        var read = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);

        Assert.Equal((0, 0), (before.Version, before.Config.Ingress.Count));
        Assert.Equal(1, first.Version);
        Assert.Equal(Ingress.Ingress.Select(r => (r.Hostname, r.Path, r.Service)), first.Config.Ingress.Select(r => (r.Hostname, r.Path, r.Service)));
        Assert.Equal(true, first.Config.Ingress[0].OriginRequest!.MatchSniToHost);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, read.Version);
        Assert.Equal("http_status:404", Assert.Single(read.Config.Ingress).Service);
        Assert.Contains("\"matchSNItoHost\":true", h.Requests.First(r => r.Method == "PUT").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutTunnelConfiguration_CatchAllNotLast_ThrowsValidationErrorNamingTheRule()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "bad", CloudflareHarness.Ct)).Tunnel;
        var config = new TunnelIngressConfiguration([IngressRule.CatchAll404, new IngressRule("a.example.com", null, "http://a:80"), IngressRule.CatchAll404]);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.PutTunnelConfigurationAsync(h.AccountId, tunnel.Id, config, CloudflareHarness.Ct));

        Assert.True(ex.IsValidationError);
        Assert.Contains("Rule #1", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Bad Configuration: Validation failed:", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task ListTunnelConnectors_AttachedConnector_IsReportedAndCleanedUp()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "conn", CloudflareHarness.Ct)).Tunnel;
        Assert.Empty(await h.Tunnels.ListTunnelConnectorsAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct));
        var connectorId = h.Emulator.AttachConnector(tunnel.Id);

        var connectors = await h.Tunnels.ListTunnelConnectorsAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);
        var one = await h.Tunnels.GetTunnelConnectorAsync(h.AccountId, tunnel.Id, connectorId, CloudflareHarness.Ct);
        var healthy = await h.Tunnels.GetTunnelAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);
        await h.Tunnels.CleanupTunnelConnectionsAsync(h.AccountId, tunnel.Id, null, CloudflareHarness.Ct);
        var down = await h.Tunnels.GetTunnelAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);

        var connector = Assert.Single(connectors);
        Assert.Equal(connectorId, connector.Id);
        Assert.Equal(2, connector.Connections.Count);
        Assert.NotNull(connector.Connections[0].ColoName);
        Assert.Equal(connectorId, one!.Id);
        Assert.Equal("healthy", healthy!.Status);
        Assert.Equal("down", down!.Status);
        Assert.Empty(await h.Tunnels.ListTunnelConnectorsAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task RenameTunnel_NewName_IsStored()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "before", CloudflareHarness.Ct)).Tunnel;

        var renamed = await h.Tunnels.RenameTunnelAsync(h.AccountId, tunnel.Id, "after", CloudflareHarness.Ct);

        Assert.Equal("after", renamed.Name);
        Assert.Equal("after", (await h.Tunnels.GetTunnelAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct))!.Name);
    }

    [Fact]
    public async Task CreateTunnel_UuidLikeName_IsRefusedBeforeAnyRequest()
    {
        await using var h = await CloudflareHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Tunnels.CreateTunnelAsync(h.AccountId, Guid.NewGuid().ToString(), CloudflareHarness.Ct));

        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task GetTunnelConfiguration_TransientFailure_IsRetried()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var tunnel = (await h.Tunnels.CreateTunnelAsync(h.AccountId, "flaky", CloudflareHarness.Ct)).Tunnel;
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/configurations$", Status = 502, Count = 2 });

        var config = await h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, tunnel.Id, CloudflareHarness.Ct);

        Assert.Equal(0, config.Version);
        Assert.Equal([502, 502, 200], h.Requests.Where(r => r.Path.EndsWith("/configurations", StringComparison.Ordinal)).Select(r => r.Status));
    }
}
