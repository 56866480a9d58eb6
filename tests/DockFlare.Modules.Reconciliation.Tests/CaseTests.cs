using Autofac;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using static DockFlare.Modules.Reconciliation.Tests.ReconcileBed;
using CoreIngressRule = DockFlare.Core.Routing.IngressRule;

namespace DockFlare.Modules.Reconciliation.Tests;

/// <summary>The failure reports of ../shared/cases that concern reconciliation, each as a scenario on the real modules and the emulator.</summary>
public sealed class CaseTests
{
    private static async Task PutIngressAsync(ReconcileBed bed, string tunnelId, params Plugins.Abstractions.Cloudflare.IngressRule[] rules) =>
        await bed.Cloudflare.Tunnels.PutTunnelConfigurationAsync(bed.Cloudflare.AccountId, tunnelId,
            new TunnelIngressConfiguration([.. rules, new Plugins.Abstractions.Cloudflare.IngressRule(null, null, "http_status:404", null)]), CancellationToken.None);

    [Fact]
    public async Task B10_FirstSyncKeepsDashboardRulesItDoesNotOwn()
    {
        await using var bed = await StartAsync();
        await bed.Reconciler.PreviewAsync(CancellationToken.None); // the master tunnel exists from here
        var tunnel = await bed.MasterTunnelAsync();
        await PutIngressAsync(bed, tunnel.Id, new Plugins.Abstractions.Cloudflare.IngressRule("legacy.example.com", null, "http://192.0.2.20:8080", null));
        await bed.ListLocalAsync(Container("app", Labels("app.example.com", "http://app:80")));
        var mark = bed.LastSequence;

        await bed.ReconcileAsync();

        var put = Assert.Single(bed.WritesSince(mark), w => w.Method == "PUT" && w.Path.EndsWith("/configurations", StringComparison.Ordinal));
        Assert.Contains("legacy.example.com", put.Body, StringComparison.Ordinal);
        Assert.Contains("http://192.0.2.20:8080", put.Body, StringComparison.Ordinal);
        var hosts = (await bed.IngressAsync()).Select(r => r.Hostname).ToList();
        Assert.Equal(["app.example.com", "legacy.example.com", null], hosts);

        // The container goes away for good: only its own rule leaves.
        await bed.ListLocalAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(11));
        await bed.ExpireGraceAsync();
        Assert.Equal(["legacy.example.com", null], (await bed.IngressAsync()).Select(r => r.Hostname));
    }

    [Fact]
    public async Task B11_AgentEventRebuildKeepsManualRulesOnSharedTunnel()
    {
        await using var probe = await StartAsync();
        var created = await probe.Cloudflare.Tunnels.CreateTunnelAsync(probe.Cloudflare.AccountId, "agent-tunnel", CancellationToken.None);
        var agentTunnel = new KnownTunnel("agent-tunnel", created.Tunnel.Id, "agent-1");
        await using var bed = probe.Restart(b => b.RegisterInstance(new FixedTunnelDirectory(agentTunnel)).As<ITunnelDirectory>());
        var sonarrLabels = new Dictionary<string, string> { ["dockflare.enable"] = "true", ["dockflare.hostname"] = "sonarr.example.com", ["dockflare.service"] = "http://sonarr:8989" };
        await bed.ListAgentAsync("agent-1", new ContainerInput("s1", "sonarr", "agent-1", sonarrLabels));
        await bed.SetManualRulesAsync(new ManualRule("nas", "agent-tunnel", "nas.example.com", "http://192.0.2.30:5000"));
        await bed.ReconcileAsync();

        // The agent's container is recreated (new id): the rebuild still carries the manual rule.
        var mark = bed.LastSequence;
        await bed.ListAgentAsync("agent-1", new ContainerInput("s2", "sonarr", "agent-1", new Dictionary<string, string>(sonarrLabels) { ["dockflare.service"] = "http://sonarr:9999" }));
        await bed.ReconcileAsync("agent agent-1 report");
        var put = Assert.Single(bed.WritesSince(mark), w => w.Path.Contains(created.Tunnel.Id, StringComparison.Ordinal) && w.Method == "PUT");
        Assert.Contains("sonarr.example.com", put.Body, StringComparison.Ordinal);
        Assert.Contains("nas.example.com", put.Body, StringComparison.Ordinal);

        // A manual-rule edit as the trigger: the agent's rule stays.
        mark = bed.LastSequence;
        await bed.SetManualRulesAsync(new ManualRule("nas", "agent-tunnel", "nas.example.com", "http://192.0.2.31:5000"));
        await bed.ReconcileAsync("manual rule nas updated");
        put = Assert.Single(bed.WritesSince(mark), w => w.Path.Contains(created.Tunnel.Id, StringComparison.Ordinal) && w.Method == "PUT");
        Assert.Contains("sonarr.example.com", put.Body, StringComparison.Ordinal);
        Assert.Contains("192.0.2.31", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B13_RestartKeepsEveryRuleFieldAndWritesNothing()
    {
        var bed = await StartAsync();
        try
        {
            await bed.SetManualRulesAsync(new ManualRule("nas", TunnelName, "nas.example.com", "https://192.0.2.40:443")
            {
                OriginOptions = new Dictionary<string, string> { ["originsrvname"] = "nas.internal.example", ["no_tls_verify"] = "false" },
            });
            await bed.Reconciler.PreviewAsync(CancellationToken.None);
            await bed.ReconcileAsync();
            var nas = (await bed.IngressAsync())[0];
            Assert.Equal("nas.internal.example", nas.OriginRequest?.OriginServerName);

            bed = bed.Restart();
            var mark = bed.LastSequence;
            await bed.ReconcileAsync("start-up");

            Assert.Empty(bed.WritesSince(mark));
            Assert.Equal("nas.internal.example", (await bed.IngressAsync())[0].OriginRequest?.OriginServerName);
            var stored = (await bed.Store.GetRoutesAsync(Core.State.RouteSourceKey.Manual)).Routes.ManualRules;
            Assert.Equal("nas.internal.example", Assert.Single(stored).OriginOptions!["originsrvname"]);
        }
        finally
        {
            await bed.DisposeAsync();
        }
    }

    [Fact]
    public async Task B14_RestartRecreateAndToolRestartDeleteNothing_StopDeletesAfterGrace()
    {
        var bed = await StartAsync();
        try
        {
            var labels = Labels("app.example.com", "http://app:80");
            await bed.ListLocalAsync(Container("app", labels, id: "c1"));
            await bed.ReconcileAsync();
            var mark = bed.LastSequence;

            // (1) docker restart: stopped, then running again.
            await bed.ListLocalAsync(Container("app", labels, running: false, id: "c1"));
            await bed.ReconcileAsync();
            bed.Time.Advance(TimeSpan.FromMinutes(2));
            await bed.ListLocalAsync(Container("app", labels, id: "c1"));
            await bed.ReconcileAsync();

            // (2) compose up --force-recreate: removed, then a new id with the same labels.
            await bed.ListLocalAsync();
            await bed.ReconcileAsync();
            await bed.ListLocalAsync(Container("app", labels, id: "c2"));
            await bed.ReconcileAsync();
            Assert.Empty(await bed.Store.ListGraceDeadlinesAsync());

            // (3) the tool restarts while app keeps running.
            bed = bed.Restart();
            await bed.ListLocalAsync(Container("app", labels, id: "c2"));
            await bed.ReconcileAsync("start-up");
            bed.Time.Advance(TimeSpan.FromHours(1));
            await bed.ExpireGraceAsync();
            Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "DELETE");
            Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "PUT" && !w.Body!.Contains("app.example.com", StringComparison.Ordinal));

            // (4) docker stop with no restart: nothing before the grace period ends, everything after.
            await bed.ListLocalAsync(Container("app", labels, running: false, id: "c2"));
            await bed.ReconcileAsync();
            var routes = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
            var pending = Assert.Single(routes.Routes);
            Assert.Equal(RoutePublication.PendingDeletion, pending.Status);
            Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromMinutes(10), pending.DeleteAt);
            bed.Time.Advance(TimeSpan.FromMinutes(9));
            await bed.ExpireGraceAsync();
            Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "DELETE");

            bed.Time.Advance(TimeSpan.FromMinutes(2));
            await bed.ExpireGraceAsync();
            Assert.Single(bed.WritesSince(mark), w => w.Method == "DELETE" && w.Path.Contains("/dns_records/", StringComparison.Ordinal));
            Assert.Equal([null], (await bed.IngressAsync()).Select(r => r.Hostname));

            // Started again later: published again.
            await bed.ListLocalAsync(Container("app", labels, id: "c2"));
            await bed.ReconcileAsync();
            Assert.Equal("app.example.com", (await bed.IngressAsync())[0].Hostname);
        }
        finally
        {
            await bed.DisposeAsync();
        }
    }

    [Fact]
    public async Task B14_ReturningWithinGraceCancelsPendingDeletion()
    {
        await using var bed = await StartAsync();
        var labels = Labels("app.example.com", "http://app:80");
        await bed.ListLocalAsync(Container("app", labels));
        await bed.ReconcileAsync();
        await bed.ListLocalAsync(Container("app", labels, running: false));
        Assert.Single(await bed.Store.ListGraceDeadlinesAsync());

        bed.Time.Advance(TimeSpan.FromMinutes(5));
        await bed.ListLocalAsync(Container("app", labels));
        bed.Time.Advance(TimeSpan.FromMinutes(30));
        await bed.ExpireGraceAsync();

        Assert.Empty(await bed.Store.ListGraceDeadlinesAsync());
        Assert.Equal("app.example.com", (await bed.IngressAsync())[0].Hostname);
        Assert.Equal(RoutePublication.Active, Assert.Single((await bed.Reconciler.GetRoutesAsync(CancellationToken.None)).Routes).Status);
    }

    [Fact]
    public async Task B16_MultiPathHostKeepsDnsUntilLastPathExpires()
    {
        await using var bed = await StartAsync();
        var a = Container("a", Labels("docs.example.com", "http://a:80", ("path", "/a")));
        var b = Container("b", Labels("docs.example.com", "http://b:80", ("path", "/b")));
        await bed.ListLocalAsync(a, b);
        await bed.ReconcileAsync();
        Assert.Single(await bed.DnsAsync(), r => r.Name == "docs.example.com");
        var mark = bed.LastSequence;

        await bed.ListLocalAsync(a with { State = "exited" }, b);
        bed.Time.Advance(TimeSpan.FromMinutes(11));
        await bed.ExpireGraceAsync();

        Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "DELETE");
        var ingress = await bed.IngressAsync();
        Assert.Equal(2, ingress.Count);
        Assert.Equal("http://b:80", ingress[0].Service);
        Assert.Single(await bed.DnsAsync(), r => r.Name == "docs.example.com");

        await bed.ListLocalAsync(a with { State = "exited" }, b with { State = "exited" });
        bed.Time.Advance(TimeSpan.FromMinutes(11));
        await bed.ExpireGraceAsync();

        Assert.Single(bed.WritesSince(mark), w => w.Method == "DELETE");
        Assert.DoesNotContain(await bed.DnsAsync(), r => r.Name == "docs.example.com");
        Assert.Equal([null], (await bed.IngressAsync()).Select(r => r.Hostname));
    }

    [Fact]
    public async Task B17_ExistingRecordsAdoptedSilentlyOrReportedAsConflict()
    {
        var options = Zones("example.com") with { };
        var seed = options.Seed with
        {
            Accounts = [options.Seed.Accounts[0] with
            {
                Zones = [new SeedZone
                {
                    Name = "example.com",
                    Records = [new SeedDnsRecord("A", "nas.example.com", "198.51.100.7"), new SeedDnsRecord("CNAME", "old.example.com", "0b0b0b0b-0000-4000-8000-000000000000.cfargotunnel.com", true)],
                }],
            }],
        };
        await using var bed = await StartAsync(options with { Seed = seed });
        await bed.Reconciler.PreviewAsync(CancellationToken.None);
        var tunnel = await bed.MasterTunnelAsync();
        await bed.Cloudflare.Dns.CreateDnsRecordAsync(bed.Emulator.ZoneIds["example.com"],
            new DnsRecordInput("CNAME", "app.example.com", tunnel.Id + ".cfargotunnel.com", Proxied: true), CancellationToken.None);
        await bed.ListLocalAsync(
            Container("app", Labels("app.example.com", "http://app:80")),
            Container("nas", Labels("nas.example.com", "http://nas:80")),
            Container("old", Labels("old.example.com", "http://old:80")));
        var mark = bed.LastSequence;

        await bed.ReconcileAsync();
        await bed.ReconcileAsync();

        var dnsWrites = bed.WritesSince(mark).Where(w => w.Path.Contains("/dns_records", StringComparison.Ordinal)).ToList();
        Assert.Empty(dnsWrites); // app: identical, left alone; nas and old: foreign, never overwritten
        var records = await bed.DnsAsync();
        Assert.Equal("198.51.100.7", Assert.Single(records, r => r.Name == "nas.example.com").Content);
        var report = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
        Assert.Equal(RoutePublication.Active, report.Routes.Single(r => r.Route.Hostname == "app.example.com").Status);
        var nas = report.Routes.Single(r => r.Route.Hostname == "nas.example.com");
        Assert.Equal(RoutePublication.Blocked, nas.Status);
        Assert.Contains(nas.Diagnostics, d => d.Code == PlanDiagnosticCodes.DnsConflict);
        Assert.Equal(RoutePublication.Blocked, report.Routes.Single(r => r.Route.Hostname == "old.example.com").Status);

        // The documented way out: adopt the stale record, then DockFlare repoints it.
        var adopted = await bed.Reconciler.AdoptAsync("old.example.com", null, "test", CancellationToken.None);
        Assert.Contains(adopted, line => line.Contains("old.example.com", StringComparison.Ordinal));
        await bed.ReconcileAsync();
        Assert.Equal(tunnel.Id + ".cfargotunnel.com", (await bed.DnsAsync()).Single(r => r.Name == "old.example.com").Content);
    }

    [Fact]
    public async Task B19_RecordGoesToTheLongestMatchingZone()
    {
        await using var bed = await StartAsync(Zones("example.com", "example.net"));
        await bed.ListLocalAsync(Container("app", Labels("app.example.net", "http://app:80")));
        var mark = bed.LastSequence;

        await bed.ReconcileAsync();

        var post = Assert.Single(bed.WritesSince(mark), w => w.Method == "POST" && w.Path.EndsWith("/dns_records", StringComparison.Ordinal));
        Assert.Contains(bed.Emulator.ZoneIds["example.net"], post.Path, StringComparison.Ordinal);
        Assert.Equal("app.example.net", Body(post).GetProperty("name").GetString());

        // An explicit zone that is not a suffix of the hostname is an error, not a record in the wrong zone.
        await bed.ListLocalAsync(Container("app", Labels("app.example.net", "http://app:80", ("zonename", "example.com"))));
        mark = bed.LastSequence;
        var report = await bed.Reconciler.GetRoutesAsync(CancellationToken.None);
        Assert.Contains(report.Diagnostics.Concat(report.Routes.SelectMany(r => r.Diagnostics)), d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
        await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);
        Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "POST" && w.Path.Contains(bed.Emulator.ZoneIds["example.com"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task B26_BadCustomRulesNeverPublishAndNeverOpenAccess()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("secret", Labels("secret.example.com", "http://secret:80",
                ("access.policy", "authenticate"),
                ("access.custom_rules", """[{"email":{"email":"user@example.com"}},{"bogus":1}]"""))));
        await bed.ReconcileAsync();

        Assert.DoesNotContain(await bed.IngressAsync(), r => r.Hostname == "secret.example.com");
        Assert.DoesNotContain(await bed.DnsAsync(), r => r.Name == "secret.example.com");
        var apps = await bed.Cloudflare.Apps.ListAccessApplicationsAsync(bed.Cloudflare.AccountId, new AccessApplicationQuery(), CancellationToken.None);
        Assert.DoesNotContain(apps, a => a.Domain?.Contains("secret.example.com", StringComparison.Ordinal) == true);
        Assert.Contains("web.example.com", (await bed.IngressAsync()).Select(r => r.Hostname));

        // Once published, a broken edit of its Access labels never deletes it (held as it is).
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80", ("access.custom_rules", "[{\"bogus\":1}]"), ("access.policy", "authenticate"))));
        var mark = bed.LastSequence;
        await bed.ReconcileAsync();
        Assert.DoesNotContain(bed.WritesSince(mark), w => w.Method == "DELETE");
        Assert.Contains("web.example.com", (await bed.IngressAsync()).Select(r => r.Hostname));
    }

    [Fact]
    public async Task B26_AccessCreateFailure_HostnameIsNotPublished()
    {
        await using var bed = await StartAsync();
        await bed.ListLocalAsync(Container("admin", Labels("admin.example.com", "http://admin:80", ("access.group", "authenticated-default"))));
        bed.Emulator.AddFault(new() { Method = "POST", Path = ".*/access/apps$", Status = 400, Code = 12130, Message = "access app rejected", Count = 100 });

        var outcome = await bed.Reconciler.ReconcileAsync("test", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Contains("admin.example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(await bed.IngressAsync(), r => r.Hostname == "admin.example.com");
        Assert.DoesNotContain(await bed.DnsAsync(), r => r.Name == "admin.example.com");
        Assert.Equal(RoutePublication.Blocked, Assert.Single((await bed.Reconciler.GetRoutesAsync(CancellationToken.None)).Routes).Status);

        bed.Emulator.ClearFaults();
        await bed.ReconcileAsync();
        Assert.Contains("admin.example.com", (await bed.IngressAsync()).Select(r => r.Hostname));
        var app = Assert.Single(await bed.Cloudflare.Apps.ListAccessApplicationsAsync(bed.Cloudflare.AccountId, new AccessApplicationQuery(), CancellationToken.None));
        Assert.Equal("admin.example.com", app.Domain);
    }

    private sealed class FixedTunnelDirectory(params KnownTunnel[] tunnels) : ITunnelDirectory
    {
        public Task<IReadOnlyList<KnownTunnel>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<KnownTunnel>>(tunnels);
    }
}
