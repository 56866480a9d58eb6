using Autofac;
using DockFlare.Core.Reconciliation;
using static DockFlare.Modules.Reconciliation.Tests.ReconcileBed;

namespace DockFlare.Modules.Reconciliation.Tests;

public sealed class ReconcileTests
{
    [Fact]
    public async Task Reconcile_LabelledContainer_PublishesIngressDnsAndChangeLog()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));

        var outcome = await bed.ReconcileAsync();

        var tunnel = await bed.MasterTunnelAsync();
        var ingress = await bed.IngressAsync();
        Assert.Equal("web.example.com", ingress[0].Hostname);
        Assert.Equal("http://web:80", ingress[0].Service);
        Assert.Null(ingress[^1].Hostname); // exactly one catch-all, last
        var record = Assert.Single(await bed.DnsAsync(), r => r.Name == "web.example.com");
        Assert.Equal("CNAME", record.Type);
        Assert.Equal(tunnel.Id + ".cfargotunnel.com", record.Content);
        Assert.True(record.Proxied);
        Assert.Contains("managed-by=dockflare", record.Comment, StringComparison.Ordinal);
        Assert.True(outcome.Applied >= 2);

        var changes = await bed.Store.ReadChangesAsync(null, 100);
        Assert.Contains(changes, c => c.Kind == "dns.create" && c.Target == "web.example.com" && c.Cause.Contains("container 'web'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == "ingress.update" && c.After!.Contains("web.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_SecondRunWithoutChange_MakesZeroWrites()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("api", Labels("api.example.net", "http://api:8080", ("access.group", "public-default-bypass"))));
        await bed.ReconcileAsync();
        var mark = bed.LastSequence;

        var outcome = await bed.ReconcileAsync();

        Assert.Empty(bed.WritesSince(mark));
        Assert.True(outcome.Plan.IsEmpty);
        Assert.Equal(0, outcome.Applied);
    }

    [Fact]
    public async Task Reconcile_FiftyContainers_OneIngressWritePerTunnel()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync([.. Enumerable.Range(1, 50).Select(i => Container($"app{i}", Labels($"app{i}.example.com", $"http://app{i}:80")))]);
        var mark = bed.LastSequence;

        await bed.ReconcileAsync();

        Assert.Single(bed.WritesSince(mark), w => w.Path.EndsWith("/configurations", StringComparison.Ordinal));
        Assert.Equal(51, (await bed.IngressAsync()).Count);
    }

    [Fact]
    public async Task Reconcile_Relabelled_UpdatesRuleAndMovesDns()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        await bed.ReconcileAsync();

        await bed.ListLocalAsync(Container("web", Labels("www.example.com", "http://web:8080")));
        await bed.ReconcileAsync();

        var ingress = await bed.IngressAsync();
        Assert.Equal(["www.example.com", null], ingress.Select(r => r.Hostname));
        Assert.Equal("http://web:8080", ingress[0].Service);
        var names = (await bed.DnsAsync()).Select(r => r.Name).ToList();
        Assert.Contains("www.example.com", names);
        Assert.DoesNotContain("web.example.com", names);
    }

    [Fact]
    public async Task Reconcile_CloudflareFailsMidPlan_NextRunFinishesAndStateStaysConsistent()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        bed.Emulator.AddFault(new() { Method = "POST", Path = ".*/dns_records$", Status = 500, Count = 50 });

        var failed = await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Errors, e => e.Contains("web.example.com", StringComparison.Ordinal));
        Assert.Equal("web.example.com", (await bed.IngressAsync())[0].Hostname);
        bed.Emulator.ClearFaults();

        await bed.ReconcileAsync();

        Assert.Single(await bed.DnsAsync(), r => r.Name == "web.example.com");
        var mark = bed.LastSequence;
        await bed.ReconcileAsync();
        Assert.Empty(bed.WritesSince(mark));
    }

    [Fact]
    public async Task Reconcile_RateLimitedAndTimeouts_NextRunFinishes()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        bed.Emulator.AddFault(new() { Method = "PUT", Path = ".*/configurations$", Status = 429, Code = 971, RetryAfterSeconds = 0, Count = 100 });

        var failed = await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.DoesNotContain(await bed.DnsAsync(), r => r.Name == "web.example.com"); // no DNS for a rule that is not live
        bed.Emulator.ClearFaults();
        await bed.ReconcileAsync();
        Assert.Equal("web.example.com", (await bed.IngressAsync())[0].Hostname);
        Assert.Single(await bed.DnsAsync(), r => r.Name == "web.example.com");
    }

    [Fact]
    public async Task Reconcile_TwoWritersAtOnce_NeverLoseARule()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        await bed.ReconcileAsync();
        var tunnel = await bed.MasterTunnelAsync();

        await bed.SetManualRulesAsync(new Core.Engine.ManualRule("nas", TunnelName, "nas.example.com", "http://192.0.2.30:5000"));
        var local = bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("api", Labels("api.example.com", "http://api:80")));
        await local;
        var runs = await Task.WhenAll(
            bed.Reconciler.ReconcileAsync("manual rule nas", CancellationToken.None),
            bed.Reconciler.ReconcileAsync("docker start api", CancellationToken.None));

        Assert.All(runs, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors)));
        var hosts = (await bed.IngressAsync(tunnel.Id)).Select(r => r.Hostname).ToList();
        Assert.Contains("web.example.com", hosts);
        Assert.Contains("api.example.com", hosts);
        Assert.Contains("nas.example.com", hosts);
    }

    [Fact]
    public async Task Preview_ShowsPlanWithoutWriting()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        await bed.Reconciler.PreviewAsync(CancellationToken.None); // creates the master tunnel at most
        var mark = bed.LastSequence;

        var preview = await bed.Reconciler.PreviewAsync(CancellationToken.None);

        Assert.Empty(bed.WritesSince(mark));
        Assert.Contains(preview.Plan.Operations, o => o is Core.Planning.IngressPutOperation);
        Assert.Contains(preview.Plan.Operations, o => o is Core.Planning.DnsCreateOperation d && d.After.Name == "web.example.com");
    }

    [Fact]
    public async Task GetRoutes_AfterReconcile_ReportsActiveRoute()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        var before = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
        Assert.Equal(RoutePublication.Pending, Assert.Single(before.Routes).Status);

        await bed.ReconcileAsync();

        var report = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
        var route = Assert.Single(report.Routes);
        Assert.Equal(RoutePublication.Active, route.Status);
        Assert.Equal("web.example.com", route.Route.Hostname);
        Assert.NotNull(report.LastOutcome);
    }

    [Fact]
    public async Task GetRoutes_AnotherRoutesAccessAppRefused_PublishedRoutesActiveAndOnlyThatRouteBlocked()
    {
        // Found by the two-host end-to-end scenario: one route whose Access app Cloudflare refuses (an identity provider the
        // account does not have) left every other route "pending" for good, although they were live in Cloudflare.
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("portal", Labels("portal.example.com", "http://portal:80",
                ("access.policy", "authenticate"), ("access.allowed_idps", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"))));

        var outcome = await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);

        Assert.Contains(outcome.Errors, e => e.Contains("portal.example.com", StringComparison.Ordinal));
        Assert.Equal(["web.example.com", null], (await bed.IngressAsync()).Select(r => r.Hostname));
        var report = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
        Assert.Equal(RoutePublication.Active, report.Routes.Single(r => r.Route.Hostname == "web.example.com").Status);
        Assert.Equal(RoutePublication.Blocked, report.Routes.Single(r => r.Route.Hostname == "portal.example.com").Status);
    }

    [Fact]
    public async Task Reconcile_DashboardDrift_IsRepairedAndLoggedAsDrift()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("web", Labels("web.example.com", "http://web:80")));
        await bed.ReconcileAsync();
        var record = Assert.Single(await bed.DnsAsync(), r => r.Name == "web.example.com");
        await bed.Cloudflare.Dns.PatchDnsRecordAsync(bed.Emulator.ZoneIds["example.com"], record.Id, new(Proxied: false), CancellationToken.None);

        var outcome = await bed.ReconcileAsync("job reconcile");

        Assert.Equal(1, outcome.Applied);
        Assert.True(Assert.Single(await bed.DnsAsync(), r => r.Name == "web.example.com").Proxied);
        var change = (await bed.Store.ReadChangesAsync(null, 1))[0];
        Assert.Equal("dns.update", change.Kind);
        Assert.Contains("drift repair", change.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_NotConfigured_ReportsWhyAndWritesNothing()
    {
        await using var bed = await StartAsync(configure: b => b.RegisterInstance(new CloudflareAccount(null, false)));

        var outcome = await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);

        Assert.Contains("CF_API_TOKEN", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Empty(bed.WritesSince());
    }

    [Fact]
    public async Task ListLocal_DockFlaresOwnCloudflared_IsNotASourceOfRoutes()
    {
        await using var bed = await StartAsync();
        var cloudflared = Container("cloudflared-dockflare-test-1a2b3c4d", new Dictionary<string, string>
        {
            ["managed-by"] = "dockflare",
            ["dockflare.cloudflared.config-hash"] = "abc",
            ["dockflare.cloudflared.tunnel-id"] = "t1",
        });

        Assert.False(await bed.ListLocalAsync(cloudflared));

        Assert.Empty((await bed.Store.GetRoutesAsync(Core.State.RouteSourceKey.Local)).Routes.Containers);
        Assert.DoesNotContain((await bed.Reconciler.GetRoutesAsync(CancellationToken.None)).Diagnostics, d => d.Code == "label-unknown");
    }

    [Fact]
    public async Task ChangeLog_IngressUpdate_RecordsOnlyTheRulesThatChanged()
    {
        await using var bed = await StartAsync();
        var containers = Enumerable.Range(1, 20).Select(i => Container($"app{i}", Labels($"app{i}.example.com", $"http://app{i}:80"))).ToList();
        await bed.ListLocalAsync([.. containers]);
        await bed.ReconcileAsync();

        await bed.ListLocalAsync([.. containers, Container("new", Labels("new.example.com", "http://new:80"))]);
        await bed.ReconcileAsync();

        var change = (await bed.Store.ReadChangesAsync(null, 50)).First(c => c.Kind == "ingress.update");
        Assert.Contains("new.example.com", change.After, StringComparison.Ordinal);
        Assert.DoesNotContain("app7.example.com", change.After, StringComparison.Ordinal);
        Assert.Equal("[]", change.Before);
    }
}
