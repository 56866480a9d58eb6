using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Tunnels.Tests;

public sealed class MasterTunnelTests
{
    private const string UserName = "Home Lab (main)";

    private static CancellationToken Ct => TunnelsTestBed.Ct;

    [Fact]
    public async Task EnsureAsync_NoTunnelWithTheName_CreatesItOnceWithTheUsersExactName()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var master = bed.Master(new TunnelsOptions { TunnelName = UserName });

        var first = await master.EnsureAsync(Ct);
        var second = await master.EnsureAsync(Ct);

        Assert.Equal(new KnownTunnel(UserName, first.Id, LocalHost.Name), first);
        Assert.Equal(first, second);
        var create = Assert.Single(bed.Calls("POST", "/cfd_tunnel"));
        using var body = JsonDocument.Parse(create.Body!);
        Assert.Equal(UserName, body.RootElement.GetProperty("name").GetString());
        Assert.Equal("cloudflare", body.RootElement.GetProperty("config_src").GetString());
        var live = await bed.Tunnels.GetTunnelAsync(bed.Harness.AccountId, first.Id, Ct);
        Assert.Equal(UserName, live!.Name);
    }

    [Fact]
    public async Task EnsureAsync_TunnelExistsFromAnEarlierRun_FindsItWithoutCreating()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var created = await bed.Master(new TunnelsOptions { TunnelName = UserName }).EnsureAsync(Ct);
        bed.Harness.Emulator.ClearRequests();

        var found = await bed.Master(new TunnelsOptions { TunnelName = UserName }).EnsureAsync(Ct);

        Assert.Equal(created, found);
        Assert.Empty(bed.Calls("POST", "/cfd_tunnel"));
    }

    [Fact]
    public async Task EnsureAsync_SimilarNamesAndDeletedNamesake_UsesOnlyTheLiveExactMatch()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var deleted = await bed.CreateTunnelAsync(UserName);
        await bed.Tunnels.DeleteTunnelAsync(bed.Harness.AccountId, deleted, cascade: true, Ct);
        await bed.CreateTunnelAsync("home lab (main)");

        var tunnel = await bed.Master(new TunnelsOptions { TunnelName = UserName }).EnsureAsync(Ct);

        Assert.NotEqual(deleted, tunnel.Id);
        Assert.Equal(UserName, tunnel.Name);
        Assert.Equal(3, bed.Calls("POST", "/cfd_tunnel").Count);
    }

    [Fact]
    public async Task EnsureAsync_NoTunnelName_UsesDockflareAndTheMachineName()
    {
        await using var bed = await TunnelsTestBed.StartAsync();

        var tunnel = await bed.Master(new TunnelsOptions()).EnsureAsync(Ct);

        Assert.Equal("dockflare-" + Environment.MachineName, tunnel.Name);
    }

    [Fact]
    public async Task EnsureAsync_CachedTunnelDeletedInDashboard_CreatesANewOneAfterTheRecheckInterval()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var master = bed.Master(new TunnelsOptions { TunnelName = UserName });
        var original = await master.EnsureAsync(Ct);
        await bed.Tunnels.DeleteTunnelAsync(bed.Harness.AccountId, original.Id, cascade: true, Ct);

        var stillCached = await master.EnsureAsync(Ct);
        bed.Time.Advance(MasterTunnel.RecheckInterval);
        var replaced = await master.EnsureAsync(Ct);

        Assert.Equal(original, stillCached);
        Assert.NotEqual(original.Id, replaced.Id);
        Assert.Equal(UserName, replaced.Name);
        Assert.Equal(2, bed.Calls("POST", "/cfd_tunnel").Count);
    }

    [Fact]
    public async Task EnsureAsync_ExternalMode_UsesTheGivenTunnelAndNeverCreates()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var id = await bed.CreateTunnelAsync("managed elsewhere");
        bed.Harness.Emulator.ClearRequests();

        var tunnel = await bed.Master(new TunnelsOptions { TunnelName = UserName, UseExternalCloudflared = true, ExternalTunnelId = id }).EnsureAsync(Ct);

        Assert.Equal(new KnownTunnel("managed elsewhere", id, LocalHost.Name), tunnel);
        Assert.Empty(bed.Calls("POST", "/cfd_tunnel"));
    }

    [Fact]
    public async Task EnsureAsync_ExternalModeUnknownId_ThrowsNamingTheIdAndCreatesNothing()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var id = Guid.NewGuid().ToString();
        var master = bed.Master(new TunnelsOptions { TunnelName = UserName, UseExternalCloudflared = true, ExternalTunnelId = id });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => master.EnsureAsync(Ct));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains("EXTERNAL_TUNNEL_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Calls("POST", "/cfd_tunnel"));
    }

    [Fact]
    public async Task EnsureAsync_ExternalTunnelDeleted_ThrowsAndCreatesNothing()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var id = await bed.CreateTunnelAsync("gone");
        await bed.Tunnels.DeleteTunnelAsync(bed.Harness.AccountId, id, cascade: true, Ct);
        bed.Harness.Emulator.ClearRequests();
        var master = bed.Master(new TunnelsOptions { UseExternalCloudflared = true, ExternalTunnelId = id });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => master.EnsureAsync(Ct));

        Assert.Contains("deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Calls("POST", "/cfd_tunnel"));
    }

    [Fact]
    public async Task EnsureAsync_CloudflareRefusesTheList_ThrowsNamingTheTunnelAndTheCloudflareCode()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/cfd_tunnel$", Status = 403, Code = 10000, Message = "Authentication error", Count = 0 });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => bed.Master(new TunnelsOptions { TunnelName = UserName }).EnsureAsync(Ct));

        Assert.Contains(UserName, error.Message, StringComparison.Ordinal);
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Calls("POST", "/cfd_tunnel"));
    }

    [Fact]
    public async Task GetTokenAsync_FreshAndFoundTunnel_ReturnsTheTunnelsTokenAndNeverLogsIt()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var creator = bed.Master(new TunnelsOptions { TunnelName = UserName });
        var tunnel = await creator.EnsureAsync(Ct);

        var fromCreate = await creator.GetTokenAsync(Ct);
        var fromLookup = await bed.Master(new TunnelsOptions { TunnelName = UserName }).GetTokenAsync(Ct);

        Assert.True(new TunnelToken(fromCreate).IsFor(tunnel.Id));
        Assert.True(new TunnelToken(fromLookup).IsFor(tunnel.Id));
        Assert.NotEmpty(bed.Logs.Entries);
        Assert.DoesNotContain(bed.Logs.Entries, e => e.Message.Contains(fromCreate, StringComparison.Ordinal) || e.Message.Contains(fromLookup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTokenAsync_TokenReadFails_ThrowsNamingTheTunnelWithoutToken()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        await bed.CreateTunnelAsync(UserName);
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/token$", Status = 403, Code = 9109, Message = "Unauthorized to access requested resource", Count = 0 });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => bed.Master(new TunnelsOptions { TunnelName = UserName }).GetTokenAsync(Ct));

        Assert.Contains(UserName, error.Message, StringComparison.Ordinal);
        Assert.Contains("9109", error.Message, StringComparison.Ordinal);
    }
}
