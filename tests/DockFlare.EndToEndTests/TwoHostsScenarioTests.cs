using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DockFlare.EndToEndTests.Support;
using Xunit.Abstractions;

namespace DockFlare.EndToEndTests;

/// <summary>
/// Issue 9: one master, Redis, two Docker hosts, two agents, every one its own process, fed with the label samples of
/// samples/compose. Each step asserts what the emulated Cloudflare account really holds (ingress per tunnel, DNS records,
/// Access applications, the write calls made) and what the master's REST API says.
/// </summary>
[Trait("Category", "TwoHosts")]
public sealed class TwoHostsScenarioTests(TwoHostsWorld world, ITestOutputHelper output) : IClassFixture<TwoHostsWorld>
{
    // Grace period, then the grace-expiry job that runs every minute, then the reconcile it asks for.
    private static readonly TimeSpan GraceOver = TimeSpan.FromSeconds(MasterProcess.GracePeriodSeconds + 90);

    private static readonly string[] AccessDomainsOfHostA =
        ["app.dev.example.com/api", "grafana.example.com", "public.example.com", "secret.example.com", "wiki.example.com"];

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly (TwoHostsPlacement A, TwoHostsPlacement B) _placement = TwoHostsPlacement.Default;
    private HashSet<string> _ingressA = [];
    private HashSet<string> _ingressB = [];

    [Fact]
    public async Task TwoHosts_SamplesMovedAgentAwayMasterAndRedisRestartedAgentRemoved_CloudflareHoldsExactlyWhatEachHostPublishes()
    {
        try
        {
            var a = await StepAsync("keys, agents and enrolment of host A", () => EnrolAsync("host-a", world.HostA));
            var b = await StepAsync("keys, agents and enrolment of host B", () => EnrolAsync("host-b", world.HostB));
            Assert.NotEqual(a.TunnelId, b.TunnelId);
            await StepAsync("samples up on both hosts", () => ServicesUpAsync(a, b));
            await StepAsync("a service moves from host A to host B", () => MoveAsync(a, b));
            await StepAsync("host A's agent away for a while", () => AgentAwayAsync(a, b));
            await StepAsync("the master restarts", () => MasterRestartAsync(a, b));
            await StepAsync("Redis is killed and comes back", () => RedisRestartAsync(a, b));
            await StepAsync("host B's agent is removed", () => RemoveAsync(a, b));
        }
        catch
        {
            world.WriteTails(output);
            throw;
        }
    }

    private async Task<EnrolledHost> EnrolAsync(string name, PrivateDockerEngine engine)
    {
        var agent = await world.StartAgentAsync(name, engine);
        var agentId = await Eventually.ValueAsync(agent.SavedIdAsync, $"agent {name} to register and save its id");
        Assert.Equal("pending", (await world.Master.AgentAsync(agentId)).GetProperty("agent").GetProperty("status").GetString());

        var tunnelId = await world.EnrolAsync(agentId);

        var cloudflared = await Eventually.ValueAsync(
            async () => (await engine.CloudflaredAsync()).SingleOrDefault(c => c.State == "running" && c.Labels.TryGetValue("dockflare.cloudflared.tunnel-id", out var tunnel) && tunnel == tunnelId),
            $"agent {name} to run its cloudflared for tunnel {tunnelId}");
        var token = await world.Cloudflare.TunnelTokenAsync(tunnelId);
        var environment = await Eventually.ValueAsync(() => engine.ReadFileAsync(cloudflared.ID, PrivateDockerEngine.StandInEnvironment), "the stand-in to record its environment");
        Assert.Contains($"TUNNEL_TOKEN={token}", environment);
        Assert.Equal(["tunnel", "--no-autoupdate", "run"], await engine.ReadFileAsync(cloudflared.ID, PrivateDockerEngine.StandInArguments));
        Assert.Contains(tunnelId, (await CloudflareSnapshot.ReadAsync(world.Cloudflare)).LiveTunnelIds);
        return new EnrolledHost(name, engine, agent, agentId, tunnelId, cloudflared.ID);
    }

    private async Task ServicesUpAsync(EnrolledHost a, EnrolledHost b)
    {
        foreach (var (host, placement) in new[] { (a, _placement.A), (b, _placement.B) })
        {
            foreach (var (name, labels) in placement.Containers)
            {
                await host.Engine.RunAsync(name, labels);
            }
        }

        _ingressA = [.. _placement.A.ExpectedIngress];
        _ingressB = [.. _placement.B.ExpectedIngress];
        var cloudflare = await PublishedAsync(a, b, "every sample route on its host's tunnel");

        var names = _placement.A.ExpectedHostnames.Concat(_placement.B.ExpectedHostnames).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, cloudflare.Records.Select(r => r.Name));
        foreach (var (host, placement) in new[] { (a, _placement.A), (b, _placement.B) })
        {
            Assert.All(placement.ExpectedHostnames, h => Assert.Equal(("CNAME", host.CnameTarget), (cloudflare.Record(h)!.Type, cloudflare.Record(h)!.Content)));
        }

        Assert.Equal(AccessDomainsOfHostA, cloudflare.AccessDomains);
        Assert.Null(cloudflare.Record(TwoHostsPlacement.BlockedHostname));

        // The last containers publish nothing (their labels are wrong): wait until the master has read them all.
        var expectedCodes = _placement.A.ExpectedCodes.Concat(_placement.B.ExpectedCodes).ToList();
        var routes = default(JsonElement);
        await Eventually.TrueAsync(async () => expectedCodes.All(Codes(routes = await world.Master.RoutesAsync()).Contains),
            $"the master to report the samples' findings ({string.Join(", ", expectedCodes)})");
        Assert.Equal("blocked", Status(routes, TwoHostsPlacement.BlockedHostname));
        Assert.All(names, h => Assert.Equal("active", Status(routes, h)));
        Assert.DoesNotContain("route-conflict", Codes(routes));
    }

    private async Task MoveAsync(EnrolledHost a, EnrolledHost b)
    {
        var line = _ingressA.Single(l => TwoHostsPlacement.HostnameOf(l) == TwoHostsPlacement.MovedHostname);
        var before = (await CloudflareSnapshot.ReadAsync(world.Cloudflare)).Record(TwoHostsPlacement.MovedHostname)!;
        var labels = _placement.A.Containers.Single(c => c.Name == TwoHostsPlacement.MovedContainer).Labels;
        await world.Cloudflare.ForgetRequestsAsync();

        await a.Engine.RemoveAsync(TwoHostsPlacement.MovedContainer);
        await b.Engine.RunAsync(TwoHostsPlacement.MovedContainer, labels);

        _ingressA.Remove(line);
        _ingressB.Add(line);
        var cloudflare = await PublishedAsync(a, b, $"{TwoHostsPlacement.MovedHostname} to move to host B's tunnel");
        var after = cloudflare.Record(TwoHostsPlacement.MovedHostname)!;
        Assert.Equal(before.Id, after.Id); // repointed, never deleted and re-created
        Assert.Equal(b.CnameTarget, after.Content);
        Assert.DoesNotContain(await world.Cloudflare.RequestsAsync(), r => r.Method == "DELETE" && r.Path.Contains("/dns_records", StringComparison.Ordinal));

        // Host A's old claim waits out its grace period (it loses the contest meanwhile); then no conflict is left.
        await Eventually.TrueAsync(
            async () => !Codes(await world.Master.RoutesAsync()).Contains("route-conflict"),
            "the conflict with host A's removed container to end with its grace period", GraceOver);
        Assert.Equal("active", Status(await world.Master.RoutesAsync(), TwoHostsPlacement.MovedHostname));
        AssertSame(cloudflare, await CloudflareSnapshot.ReadAsync(world.Cloudflare));
        Assert.Equal(before.Id, (await CloudflareSnapshot.ReadAsync(world.Cloudflare)).Record(TwoHostsPlacement.MovedHostname)!.Id);
    }

    private async Task AgentAwayAsync(EnrolledHost a, EnrolledHost b)
    {
        var before = await CloudflareSnapshot.ReadAsync(world.Cloudflare);
        await world.Cloudflare.ForgetRequestsAsync();

        await a.Agent.StopAsync();
        await Eventually.TrueAsync(async () => await LivenessAsync(a) == "offline", "the master to see host A's agent offline");

        var cloudflared = await a.Engine.Client.Containers.InspectContainerAsync(a.CloudflaredId);
        Assert.True(cloudflared.State.Running, "host A's cloudflared keeps serving while its agent is away");
        AssertSame(before, await CloudflareSnapshot.ReadAsync(world.Cloudflare));
        Assert.Empty(await world.Cloudflare.WritesAsync());
        var routes = await world.Master.RoutesAsync();
        Assert.All(_ingressA.Select(TwoHostsPlacement.HostnameOf), h => Assert.Equal("active", Status(routes, h)));

        a.Agent.StartAgain();
        await Eventually.TrueAsync(async () => await LivenessAsync(a) == "online", "host A's agent to be back online");
        Assert.Equal(a.AgentId, await a.Agent.SavedIdAsync());
        var again = await a.Engine.Client.Containers.InspectContainerAsync(a.CloudflaredId);
        Assert.Equal(cloudflared.State.StartedAt, again.State.StartedAt);
        await PublishedAsync(a, b, "host A's routes after its agent came back");
        Assert.Empty(await world.Cloudflare.WritesAsync());
    }

    private async Task MasterRestartAsync(EnrolledHost a, EnrolledHost b)
    {
        var before = await CloudflareSnapshot.ReadAsync(world.Cloudflare);
        await world.Cloudflare.ForgetRequestsAsync();
        var restarted = DateTimeOffset.UtcNow;

        await world.Master.StopAsync();
        await world.Master.StartAgainAsync();

        await Eventually.TrueAsync(async () =>
                (await world.Master.RoutesAsync()).GetProperty("lastOutcome") is { ValueKind: JsonValueKind.Object } last
                && last.GetProperty("startedAt").GetDateTimeOffset() >= restarted
                && await LivenessAsync(a) == "online" && await LivenessAsync(b) == "online",
            "the restarted master to reconcile and both agents to reach it");
        var (status, outcome) = await world.Master.SendAsync(HttpMethod.Post, "/api/v2/reconcile");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, outcome.GetProperty("applied").GetInt32());

        Assert.Empty(await world.Cloudflare.WritesAsync());
        AssertSame(before, await CloudflareSnapshot.ReadAsync(world.Cloudflare));
    }

    private async Task RedisRestartAsync(EnrolledHost a, EnrolledHost b)
    {
        var before = await CloudflareSnapshot.ReadAsync(world.Cloudflare);
        var routesBefore = RouteSummary(await world.Master.RoutesAsync());
        var agentsBefore = await AgentSummaryAsync();
        await world.Cloudflare.ForgetRequestsAsync();

        await world.Redis.KillAsync();
        await Eventually.TrueAsync(async () => !await world.Master.StorageHealthyAsync(), "the master to report Redis away");
        await world.Redis.StartAgainAsync();
        await Eventually.TrueAsync(world.Master.StorageHealthyAsync, "the master to report Redis back");
        await Eventually.TrueAsync(async () => await LivenessAsync(a) == "online" && await LivenessAsync(b) == "online",
            "both agents to reach the master again", TimeSpan.FromSeconds(120));

        Assert.Equal(routesBefore, RouteSummary(await world.Master.RoutesAsync()));
        Assert.Equal(agentsBefore, await AgentSummaryAsync());
        var (status, outcome) = await world.Master.SendAsync(HttpMethod.Post, "/api/v2/reconcile");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, outcome.GetProperty("applied").GetInt32());
        Assert.Empty(await world.Cloudflare.WritesAsync());
        AssertSame(before, await CloudflareSnapshot.ReadAsync(world.Cloudflare));
    }

    private async Task RemoveAsync(EnrolledHost a, EnrolledHost b)
    {
        var before = await CloudflareSnapshot.ReadAsync(world.Cloudflare);

        var (status, body) = await world.Master.SendAsync(HttpMethod.Post, $"/api/v2/agents/{b.AgentId}/remove", new { });
        Assert.True(status == HttpStatusCode.OK, body.ToString());

        // Told 410 agent_removed, the agent removes its cloudflared and goes idle (it keeps running, reporting unhealthy,
        // so a restart policy does not loop it).
        await Eventually.TrueAsync(async () => b.Agent.Wrote("The master removed this agent") && (await b.Engine.CloudflaredAsync()).Count == 0,
            "host B's agent to learn it was removed and remove its cloudflared");
        var hostnamesOfB = _ingressB.Select(TwoHostsPlacement.HostnameOf).ToHashSet(StringComparer.Ordinal);
        _ingressB.Clear();
        var cloudflare = await Eventually.ValueAsync(async () =>
                await CloudflareSnapshot.ReadAsync(world.Cloudflare) is var now
                && (!now.LiveTunnelIds.Contains(b.TunnelId) || now.Ingress(b.TunnelId).SequenceEqual([CloudflareSnapshot.CatchAll]))
                && !now.Records.Any(r => hostnamesOfB.Contains(r.Name)) ? now : null,
            "host B's routes and DNS records to go after the grace period", GraceOver);

        // Host A untouched: the same ingress, the same records (same ids), the same Access applications.
        Assert.Equal(before.Ingress(a.TunnelId), cloudflare.Ingress(a.TunnelId));
        Assert.Equal(before.Records.Where(r => !hostnamesOfB.Contains(r.Name)), cloudflare.Records);
        Assert.Equal(before.AccessDomains, cloudflare.AccessDomains);
        Assert.True((await a.Engine.Client.Containers.InspectContainerAsync(a.CloudflaredId)).State.Running);
        var routes = await world.Master.RoutesAsync();
        Assert.All(_ingressA.Select(TwoHostsPlacement.HostnameOf), h => Assert.Equal("active", Status(routes, h)));
        Assert.All(hostnamesOfB, h => Assert.Null(Status(routes, h)));
    }

    /// <summary>Waits until both tunnels hold exactly the expected rules, catch-all last; returns that state.</summary>
    private async Task<CloudflareSnapshot> PublishedAsync(EnrolledHost a, EnrolledHost b, string what)
    {
        CloudflareSnapshot? last = null;
        try
        {
            return await Eventually.ValueAsync(async () =>
                (last = await CloudflareSnapshot.ReadAsync(world.Cloudflare)) is var now
                && Holds(now.Ingress(a.TunnelId), _ingressA) && Holds(now.Ingress(b.TunnelId), _ingressB)
                && _ingressA.Concat(_ingressB).All(l => now.Record(TwoHostsPlacement.HostnameOf(l)) is { } r
                                                       && r.Content == (_ingressA.Contains(l) ? a : b).CnameTarget) ? now : null,
                what);
        }
        catch
        {
            output.WriteLine($"Expected on host A: {string.Join(" | ", _ingressA.Order(StringComparer.Ordinal))}");
            output.WriteLine($"Ingress of host A:  {string.Join(" | ", last?.Ingress(a.TunnelId) ?? [])}");
            output.WriteLine($"Expected on host B: {string.Join(" | ", _ingressB.Order(StringComparer.Ordinal))}");
            output.WriteLine($"Ingress of host B:  {string.Join(" | ", last?.Ingress(b.TunnelId) ?? [])}");
            throw;
        }
    }

    private static bool Holds(IReadOnlyList<string> ingress, HashSet<string> expected) =>
        ingress.Count == expected.Count + 1 && ingress[^1] == CloudflareSnapshot.CatchAll && ingress.Take(expected.Count).ToHashSet(StringComparer.Ordinal).SetEquals(expected);

    private static void AssertSame(CloudflareSnapshot expected, CloudflareSnapshot actual)
    {
        Assert.Equal(expected.IngressByTunnelId.Keys.Order(StringComparer.Ordinal), actual.IngressByTunnelId.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected.IngressByTunnelId, t => Assert.Equal(t.Value, actual.Ingress(t.Key)));
        Assert.Equal(expected.Records, actual.Records);
        Assert.Equal(expected.AccessDomains, actual.AccessDomains);
    }

    private async Task<string?> LivenessAsync(EnrolledHost host) =>
        (await world.Master.AgentAsync(host.AgentId)).GetProperty("liveness").GetString();

    private async Task<List<string>> AgentSummaryAsync() =>
        [.. (await world.Master.GetAsync("/api/v2/agents")).GetProperty("agents").EnumerateArray()
            .Select(v => v.GetProperty("agent"))
            .Select(r => $"{r.GetProperty("id").GetString()} {r.GetProperty("status").GetString()} {r.GetProperty("tunnelId").GetString()}")
            .Order(StringComparer.Ordinal)];

    private static List<string> RouteSummary(JsonElement routes) =>
        [.. routes.GetProperty("routes").EnumerateArray()
            .Select(r => $"{r.GetProperty("route").GetProperty("hostname").GetString()} {r.GetProperty("route").GetProperty("path")} {r.GetProperty("route").GetProperty("tunnel").GetString()} {r.GetProperty("status").GetString()}")];

    private static string? Status(JsonElement routes, string hostname) =>
        routes.GetProperty("routes").EnumerateArray()
            .Where(r => r.GetProperty("route").GetProperty("hostname").GetString() == hostname)
            .Select(r => r.GetProperty("status").GetString())
            .FirstOrDefault();

    private static HashSet<string?> Codes(JsonElement routes) => [.. Diagnostics(routes).Select(d => d.GetProperty("code").GetString())];

    private static IEnumerable<JsonElement> Diagnostics(JsonElement routes) =>
        routes.GetProperty("diagnostics").EnumerateArray()
            .Concat(routes.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("diagnostics").EnumerateArray()));

    private async Task<T> StepAsync<T>(string step, Func<Task<T>> run)
    {
        var started = _clock.Elapsed;
        var result = await run();
        output.WriteLine($"{step}: {(_clock.Elapsed - started).TotalSeconds:0.0} s");
        return result;
    }

    private async Task StepAsync(string step, Func<Task> run)
    {
        var started = _clock.Elapsed;
        await run();
        output.WriteLine($"{step}: {(_clock.Elapsed - started).TotalSeconds:0.0} s");
    }
}
