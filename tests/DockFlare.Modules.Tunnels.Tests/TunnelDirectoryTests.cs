using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Tunnels.Tests;

public sealed class TunnelDirectoryTests
{
    private static CancellationToken Ct => TunnelsTestBed.Ct;

    [Fact]
    public async Task ListAsync_AccountHasOtherTunnels_ListsTheMasterFirstThenOthersWithoutHost()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var nas = await bed.CreateTunnelAsync("nas");
        var agent = await bed.CreateTunnelAsync("agent-b");
        var deleted = await bed.CreateTunnelAsync("old");
        await bed.Tunnels.DeleteTunnelAsync(bed.Harness.AccountId, deleted, cascade: true, Ct);
        var master = bed.Master(new TunnelsOptions { TunnelName = "Home Lab (main)" });

        var tunnels = await bed.Directory(master).ListAsync(Ct);

        var own = await master.EnsureAsync(Ct);
        Assert.Equal(
            [new KnownTunnel("Home Lab (main)", own.Id, LocalHost.Name), new KnownTunnel("agent-b", agent, null), new KnownTunnel("nas", nas, null)],
            tunnels);
    }

    [Fact]
    public async Task ListAsync_CalledAgainWithinTheCache_AsksCloudflareOnce()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var directory = bed.Directory(bed.Master(new TunnelsOptions { TunnelName = "home" }));
        var first = await directory.ListAsync(Ct);
        var listsAfterFirst = bed.Calls("GET", "/cfd_tunnel").Count;
        await bed.CreateTunnelAsync("added later");

        var cached = await directory.ListAsync(Ct);
        var listsAfterCached = bed.Calls("GET", "/cfd_tunnel").Count;
        bed.Time.Advance(TunnelDirectory.CacheDuration);
        var refreshed = await directory.ListAsync(Ct);

        Assert.Same(first, cached);
        Assert.Equal(listsAfterFirst, listsAfterCached);
        Assert.DoesNotContain(cached, t => t.Name == "added later");
        Assert.Contains(refreshed, t => t.Name == "added later" && t.Host is null);
    }

    [Fact]
    public async Task ListAsync_ListFails_ThrowsReconcileExceptionWithTheCloudflareCode()
    {
        await using var bed = await TunnelsTestBed.StartAsync();
        var directory = bed.Directory(bed.Master(new TunnelsOptions { TunnelName = "home" }));
        bed.Harness.Emulator.AddFault(new CloudflareEmulator.FaultRule { Method = "GET", Path = "/cfd_tunnel$", Status = 403, Code = 9109, Message = "Unauthorized", Count = 0 });

        var error = await Assert.ThrowsAsync<ReconcileException>(() => directory.ListAsync(Ct));

        Assert.Contains("9109", error.Message, StringComparison.Ordinal);
    }
}
