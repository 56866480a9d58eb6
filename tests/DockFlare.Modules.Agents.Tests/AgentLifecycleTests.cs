using System.Text.Json;
using DockFlare.Core.Jobs;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>Enrolment, inventory, scopes and removal through the real master on Redis (database 25) and the emulator.</summary>
public sealed class AgentLifecycleTests
{
    private const int Database = 25;
    private static readonly string[] ExampleCom = ["example.com"];
    private static readonly string[] BadZones = ["Example.com", "not a zone!"];
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static object Container(string id, string name, Dictionary<string, string> labels, string state = "running") =>
        new { id, name, labels, state };

    private static Dictionary<string, string> Web(string hostname) => new()
    {
        ["dockflare.enable"] = "true",
        ["dockflare.hostname"] = hostname,
        ["dockflare.service"] = "http://web:80",
    };

    private static async Task<IReadOnlyList<IngressRule>> IngressAsync(AgentMaster master, string tunnelId) =>
        (await master.Tunnels.GetTunnelConfigurationAsync(master.AccountId, tunnelId, Ct)).Config.Ingress;

    private static async Task<IReadOnlyList<DnsRecord>> DnsAsync(AgentMaster master, string zone, string name) =>
        await master.Dns.ListDnsRecordsAsync(master.Emulator.ZoneIds[zone], new DnsRecordQuery(Name: name), Ct);

    [Fact]
    public async Task Enrol_CreateTunnel_TunnelInEmulatorAndStartTunnelQueuedWithoutToken()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, _) = await master.NewAgentAsync("edge 1");

        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true });

        Assert.Equal(200, status);
        var agent = body.GetProperty("agent");
        Assert.Equal("enrolled", agent.GetProperty("status").GetString());
        var tunnelId = agent.GetProperty("tunnelId").GetString()!;
        var tunnel = await master.Tunnels.GetTunnelAsync(master.AccountId, tunnelId, Ct);
        Assert.Equal("dockflare-agent-edge-1", tunnel!.Name);

        var (_, shown, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
        var command = Assert.Single(shown.GetProperty("commands").EnumerateArray()).GetProperty("command");
        Assert.Equal("start_tunnel", command.GetProperty("action").GetString());
        Assert.Equal(tunnelId, command.GetProperty("payload").GetProperty("tunnel_id").GetString());
        Assert.False(command.GetProperty("payload").TryGetProperty("token", out _));
        Assert.Equal("online", shown.GetProperty("agent").GetProperty("liveness").GetString());
    }

    [Fact]
    public async Task Enrol_InvalidScope_RefusedBeforeAnyTunnelAndTheAgentStaysPending()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, _) = await master.NewAgentAsync("edge 2");

        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true, scopes = new { zones = BadZones } });

        Assert.Equal(400, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        var (_, shown, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
        Assert.Equal("pending", shown.GetProperty("agent").GetProperty("agent").GetProperty("status").GetString());
        var tunnels = await master.Tunnels.ListTunnelsAsync(master.AccountId, DockFlare.Plugins.Abstractions.Cloudflare.TunnelQuery.Live, Ct);
        Assert.DoesNotContain(tunnels, t => t.Name == "dockflare-agent-edge-2");
    }

    [Fact]
    public async Task Inventory_InScopeWithoutZoneLabel_PublishedOnTheAgentTunnelLikeLocalLabels()
    {
        // B21 (zone found without a zonename label) and B27 (indexed labels and origin options as for local containers).
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("edge-2", "example.com");
        var kc = new Dictionary<string, string>
        {
            ["dockflare.enable"] = "true",
            ["dockflare.0.hostname"] = "kc.example.com",
            ["dockflare.0.service"] = "https://192.0.2.50:6443",
            ["dockflare.0.no_tls_verify"] = "true",
            ["dockflare.0.originsrvname"] = "kc.internal.example",
        };

        var (status, body, _) = await master.PostAsync(
            $"/api/v2/agents/{agentId}/inventory",
            new { containers = new[] { Container("c1", "nginx", Web("nginx.example.com")), Container("c2", "keycloak", kc) } },
            secret);
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("published").GetBoolean());
        var outcome = await master.ReconcileAsync();

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var ingress = await IngressAsync(master, tunnelId);
        Assert.Contains(ingress, r => r.Hostname == "nginx.example.com" && r.Service == "http://web:80");
        var keycloak = Assert.Single(ingress, r => r.Hostname == "kc.example.com");
        Assert.True(keycloak.OriginRequest!.NoTlsVerify);
        Assert.Equal("kc.internal.example", keycloak.OriginRequest.OriginServerName);
        var record = Assert.Single(await DnsAsync(master, "example.com", "nginx.example.com"));
        Assert.Equal(tunnelId + ".cfargotunnel.com", record.Content);
    }

    [Fact]
    public async Task Inventory_OutOfScopeHostname_RejectedWithDiagnosticAndNeverReachesCloudflare()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("edge-3", "example.com");

        var (status, body, _) = await master.PostAsync(
            $"/api/v2/agents/{agentId}/inventory",
            new { containers = new[] { Container("c1", "good", Web("good.example.com")), Container("c2", "evil", Web("evil.example.co.uk")) } },
            secret);
        var outcome = await master.ReconcileAsync();

        Assert.Equal(200, status);
        var diagnostic = Assert.Single(body.GetProperty("diagnostics").EnumerateArray()).GetString()!;
        Assert.Contains("evil.example.co.uk", diagnostic, StringComparison.Ordinal);
        Assert.DoesNotContain("|", diagnostic, StringComparison.Ordinal);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        Assert.Empty(await DnsAsync(master, "example.co.uk", "evil.example.co.uk"));
        var ingress = await IngressAsync(master, tunnelId);
        Assert.DoesNotContain(ingress, r => r.Hostname == "evil.example.co.uk");
        Assert.Contains(ingress, r => r.Hostname == "good.example.com");
    }

    [Fact]
    public async Task Inventory_OneContainerWithATooLongLabel_OnlyThatOneIsRefused_TheRestIsPublished()
    {
        // One such container used to make the master refuse the whole inventory (400) on every try, so nothing of the
        // host changed any more: removed containers stayed published.
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("edge-9", "example.com");
        var huge = Web("huge.example.com");
        huge["dockflare.access.policy"] = new string('a', 5000);

        var (status, body, _) = await master.PostAsync(
            $"/api/v2/agents/{agentId}/inventory",
            new { containers = new[] { Container("c1", "fine", Web("fine.example.com")), Container("c2", "huge", huge) } },
            secret);
        var outcome = await master.ReconcileAsync();

        Assert.Equal(200, status);
        var diagnostic = Assert.Single(body.GetProperty("diagnostics").EnumerateArray()).GetString()!;
        Assert.StartsWith("Container 'huge': label 'dockflare.access.policy' is too long", diagnostic, StringComparison.Ordinal);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var ingress = await IngressAsync(master, tunnelId);
        Assert.Contains(ingress, r => r.Hostname == "fine.example.com");
        Assert.DoesNotContain(ingress, r => r.Hostname == "huge.example.com");
    }

    [Fact]
    public async Task Register_EnrolledAgentSayingItHasNoTunnel_GetsStartTunnelAgain_OnlyThen()
    {
        // An agent whose saved state was lost came back with the same id but no token: nothing told it to run its tunnel
        // again, and its cloudflared ran unsupervised.
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("edge-10", "example.com");

        async Task<int> StartTunnelsAsync()
        {
            var (_, view, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
            return view.GetProperty("commands").EnumerateArray().Count(c => c.GetProperty("command").GetProperty("action").GetString() == "start_tunnel");
        }

        Assert.Equal(1, await StartTunnelsAsync());
        Assert.Equal(200, (await master.PostAsync("/api/v2/agents/register", new { agentId, displayName = "edge-10", tunnelId }, secret)).Status);
        Assert.Equal(200, (await master.PostAsync("/api/v2/agents/register", new { agent_id = agentId, display_name = "edge-10" }, secret)).Status);
        Assert.Equal(1, await StartTunnelsAsync()); // it has its tunnel; an original agent says nothing about it

        Assert.Equal(200, (await master.PostAsync("/api/v2/agents/register", """{"agentId":"AGENT","displayName":"edge-10","tunnelId":null}""".Replace("AGENT", agentId, StringComparison.Ordinal), secret)).Status);

        Assert.Equal(2, await StartTunnelsAsync());
    }

    [Fact]
    public async Task Inventory_PendingAgent_StoredNotPublishedUntilEnrolled()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret) = await master.NewAgentAsync("edge-4");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/scopes", new { zones = ExampleCom })).Status);

        var (_, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { Container("c1", "app", Web("pending.example.com")) } }, secret);
        await master.ReconcileAsync();

        Assert.False(body.GetProperty("published").GetBoolean());
        Assert.Empty(await DnsAsync(master, "example.com", "pending.example.com"));

        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true })).Status);
        var outcome = await master.ReconcileAsync();

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        Assert.Single(await DnsAsync(master, "example.com", "pending.example.com"));
    }

    [Fact]
    public async Task Events_RetriedBatch_AppliedOnceAndStopStartsTheGracePeriod()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, _) = await master.EnrolledAgentAsync("edge-5", "example.com");
        await master.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { Container("c1", "app", Web("events.example.com")) } }, secret);
        var batch = new { sessionId = "s1", events = new[] { new { seq = 1, type = "container_stop", container = Container("c1", "app", Web("events.example.com"), "exited") } } };

        var (_, first, _) = await master.PostAsync($"/api/v2/agents/{agentId}/events", batch, secret);
        var (_, retry, _) = await master.PostAsync($"/api/v2/agents/{agentId}/events", batch, secret);

        Assert.Equal(1, first.GetProperty("applied").GetInt32());
        Assert.Equal(1, retry.GetProperty("acceptedThrough").GetInt64());
        Assert.Equal(1, retry.GetProperty("duplicates").GetInt32());
        Assert.Equal("duplicate_sequence", retry.GetProperty("code").GetString());
        var deadlines = await master.Get<IStateStore>().ListGraceDeadlinesAsync(Ct);
        Assert.Contains(deadlines, d => d.OwnerKey == agentId + "/app" && d.Source == RouteSourceKey.Agent(agentId));
    }

    [Fact]
    public async Task Remove_Agent_OnlyItsRoutesLeaveAfterGraceAndItsTunnelIsDeleted()
    {
        await using var master = await AgentMaster.StartAsync(Database, "--GRACE_PERIOD_SECONDS=0");
        var (agentA, secretA, tunnelA) = await master.EnrolledAgentAsync("edge-a", "example.com");
        var (agentB, secretB, tunnelB) = await master.EnrolledAgentAsync("edge-b", "example.com");
        await master.PostAsync($"/api/v2/agents/{agentA}/inventory", new { containers = new[] { Container("a1", "app", Web("a.example.com")) } }, secretA);
        await master.PostAsync($"/api/v2/agents/{agentB}/inventory", new { containers = new[] { Container("b1", "app", Web("b.example.com")) } }, secretB);
        Assert.True((await master.ReconcileAsync()).Succeeded);
        Assert.Single(await DnsAsync(master, "example.com", "a.example.com"));

        var (status, _, _) = await master.PostAsync($"/api/v2/agents/{agentA}/remove", new { cascade = false });

        Assert.Equal(200, status);
        Assert.Equal(410, (await master.PostAsync($"/api/v2/agents/{agentA}/heartbeat", null, secretA)).Status); // told it was removed
        var store = master.Get<IStateStore>();
        Assert.All((await store.GetRoutesAsync(RouteSourceKey.Agent(agentA), Ct)).Routes.Containers, c => Assert.False(c.Present));

        var jobs = master.Services.GetRequiredService<IEnumerable<IRecurringJob>>().ToList();
        await jobs.Single(j => j.Id == "grace-expiry").RunAsync(Ct);
        await master.ReconcileAsync();
        await jobs.Single(j => j.Id == "agents-finish-removals").RunAsync(Ct);

        Assert.Empty(await DnsAsync(master, "example.com", "a.example.com"));
        var deleted = await master.Tunnels.GetTunnelAsync(master.AccountId, tunnelA, Ct);
        Assert.True(deleted is null || deleted.IsDeleted);
        Assert.Equal(404, (await master.GetAsync($"/api/v2/agents/{agentA}")).Status);
        // Agent B is untouched.
        Assert.Single(await DnsAsync(master, "example.com", "b.example.com"));
        Assert.Contains(await IngressAsync(master, tunnelB), r => r.Hostname == "b.example.com");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentB}/heartbeat", null, secretB)).Status);
        Assert.True((await store.GetRoutesAsync(RouteSourceKey.Agent(agentB), Ct)).Routes.Containers.Single().Present);
    }
}
