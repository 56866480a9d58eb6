using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Agents that publish: registered, enrolled by an admin with a tunnel the master creates (<c>createTunnel</c>) and
/// scopes for every zone, each reporting an inventory of labelled containers (docs/agent-protocol.md).
/// </summary>
internal static class AgentFleet
{
    /// <summary>Registers and enrols <paramref name="agentCount"/> agents; returns them in order.</summary>
    public static async Task<IReadOnlyList<SimulatedAgent>> EnrolAsync(BenchMaster master, int agentCount, IReadOnlyList<string> zones, string prefix)
    {
        var agents = await SimulatedAgent.RegisterManyAsync(master, agentCount, prefix, parallel: 4);
        foreach (var agent in agents)
        {
            await master.Admin.PostAsync($"api/v2/agents/{agent.Id}/enrol", new { createTunnel = true, scopes = new { zones, hostnames = Array.Empty<string>() } });
        }

        return agents;
    }

    /// <summary>The hostname of container <paramref name="container"/> of agent <paramref name="agent"/>, spread over the zones.</summary>
    public static string Hostname(int agent, int container, IReadOnlyList<string> zones) =>
        string.Create(CultureInfo.InvariantCulture, $"a{agent:D3}-c{container:D4}.{zones[(agent + container) % zones.Count]}");

    /// <summary>Posts the complete inventory of agent number <paramref name="index"/>: <paramref name="containers"/> running containers.</summary>
    public static async Task PostInventoryAsync(BenchMaster master, SimulatedAgent agent, int index, int containers, IReadOnlyList<string> zones)
    {
        var list = Enumerable.Range(0, containers).Select(c => new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{index:D4}{c:D6}").PadRight(64, 'f'),
            name = string.Create(CultureInfo.InvariantCulture, $"app-{c:D4}"),
            state = "running",
            labels = SimulatedAgent.Labels(Hostname(index, c, zones)),
        });
        using var client = master.AgentClient(agent.Key);
        using var response = await client.PostAsJsonAsync(
            new Uri($"api/v2/agents/{agent.Id}/inventory", UriKind.Relative), new { sessionId = "bench", complete = true, containers = list });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("outside the publish scopes", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"inventory of {agent.DisplayName} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }
    }

    /// <summary>Polls <c>GET /api/v2/routes</c> until <paramref name="expected"/> routes are active; returns the time it took.</summary>
    public static async Task<TimeSpan> WaitAllActiveAsync(BenchMaster master, int expected, TimeSpan timeout, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        while (true)
        {
            var statuses = await master.Admin.RouteStatusesAsync();
            var active = statuses.GetValueOrDefault("active");
            if (active >= expected)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: {active} of {expected} routes active after {clock.Elapsed.TotalSeconds:F0} s ({string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))})");
            }

            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(30))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F0} s, {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}");
            }

            await Task.Delay(poll ?? TimeSpan.FromSeconds(1));
        }
    }
}
