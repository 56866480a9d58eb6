using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DockFlare.SystemBenchmarks;

/// <summary>An agent as the master sees it: registered with its own key. The benchmarks speak for it over HTTP.</summary>
internal sealed record SimulatedAgent(string Id, string Key, string DisplayName)
{
    private static readonly int[] Protocols = [2];

    /// <summary>Generates <paramref name="count"/> keys and registers one agent with each, <paramref name="parallel"/> at a time.</summary>
    public static Task<IReadOnlyList<SimulatedAgent>> RegisterManyAsync(BenchMaster master, int count, string prefix, int parallel = 16) =>
        RegisterManyAsync(master.Admin, master.BaseAddress, count, prefix, parallel);

    /// <summary>The same against a master in another process, at <paramref name="baseAddress"/>.</summary>
    public static async Task<IReadOnlyList<SimulatedAgent>> RegisterManyAsync(AdminClient admin, Uri baseAddress, int count, string prefix, int parallel = 16)
    {
        var agents = new SimulatedAgent[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, cancellationToken) =>
        {
            var name = $"{prefix}-{i:D4}";
            var key = await admin.CreateAgentKeyAsync(name);
            using var client = Client(baseAddress, key);
            using var response = await client.PostAsJsonAsync(
                new Uri("api/v2/agents/register", UriKind.Relative),
                new { displayName = name, hostname = name + ".lan", agentVersion = "bench", supportedProtocols = Protocols }, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"register {name} answered {(int)response.StatusCode}: {text}");
            }

            agents[i] = new SimulatedAgent(JsonNode.Parse(text)!["agentId"]!.GetValue<string>(), key, name);
        });
        return agents;
    }

    /// <summary>A client for the agent API with an agent key.</summary>
    public static HttpClient Client(Uri baseAddress, string agentKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentKey);
        return client;
    }

    /// <summary>The labels of one container publishing <paramref name="hostname"/>.</summary>
    public static Dictionary<string, string> Labels(string hostname) => new(StringComparer.Ordinal)
    {
        ["dockflare.enable"] = "true",
        ["dockflare.hostname"] = hostname,
        ["dockflare.service"] = "http://" + hostname.Split('.')[0] + ":80",
    };
}
