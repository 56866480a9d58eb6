using System.Net;
using DockFlare.EndToEndTests.Support;
using Xunit.Abstractions;

namespace DockFlare.EndToEndTests;

/// <summary>
/// The processes of the distributed scenario, started once for the test class: two private dockerd engines (host A and
/// host B, each with the test image and the stand-in cloudflared), Redis, the Cloudflare emulator and the master. The
/// agents are started by the scenario itself. Everything lives under one temporary folder and is stopped at the end.
/// </summary>
public sealed class TwoHostsWorld : IAsyncLifetime
{
    public const string StandInImage = "dockflare-e2e-cloudflared:latest";

    /// <summary>The zones of the emulated account: what the chosen samples' lint lines name.</summary>
    public static readonly string[] Zones = ["example.com", "dev.example.com"];

    /// <summary>The Access groups the samples name, as an admin defines them through <c>POST /api/v2/access-groups</c>.</summary>
    private static readonly object[] AccessGroups =
    [
        new { id = "admins", name = "Admins", decision = "allow", include = new object[] { new { email = new { email = "admin@example.com" } } } },
        new { id = "staff", name = "Staff", decision = "allow", include = new object[] { new { email_domain = new { domain = "example.com" } } } },
        new { id = "contractors", name = "Contractors", decision = "allow", include = new object[] { new { email_domain = new { domain = "contractors.example.com" } } } },
        new { id = "team", name = "Team", decision = "allow", include = new object[] { new { email_domain = new { domain = "example.com" } } } },
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("dockflare-2h-").FullName;
    private readonly List<AgentProcess> _agents = [];

    internal PrivateDockerEngine HostA { get; private set; } = null!;

    internal PrivateDockerEngine HostB { get; private set; } = null!;

    internal PrivateRedisServer Redis { get; private set; } = null!;

    internal EmulatorProcess Cloudflare { get; private set; } = null!;

    internal MasterProcess Master { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var engines = await Task.WhenAll(
            PrivateDockerEngine.StartAsync("a", Path.Combine(_folder, "a")),
            PrivateDockerEngine.StartAsync("b", Path.Combine(_folder, "b")));
        (HostA, HostB) = (engines[0], engines[1]);
        await Task.WhenAll(HostA.BuildStandInCloudflaredAsync(StandInImage), HostB.BuildStandInCloudflaredAsync(StandInImage));
        Redis = await PrivateRedisServer.StartAsync(Path.Combine(_folder, "redis"));
        Cloudflare = await EmulatorProcess.StartAsync(_folder, Zones);
        Master = await MasterProcess.StartAsync(Path.Combine(_folder, "master"), Cloudflare, Redis);
        foreach (var group in AccessGroups)
        {
            var (status, body) = await Master.SendAsync(HttpMethod.Post, "/api/v2/access-groups", group);
            if (status != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Creating an Access group answered {(int)status}: {body}");
            }
        }
    }

    /// <summary>Generates a key through the REST API and starts an agent with it on <paramref name="engine"/>.</summary>
    internal async Task<AgentProcess> StartAgentAsync(string name, PrivateDockerEngine engine)
    {
        var key = await Master.NewAgentKeyAsync(name);
        var agent = AgentProcess.Start(name, Path.Combine(_folder, "agent-" + name), Master, key, engine, StandInImage);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>Enrols an agent on a tunnel the master creates, with publish scopes; returns the tunnel id.</summary>
    internal async Task<string> EnrolAsync(string agentId)
    {
        var (status, body) = await Master.SendAsync(HttpMethod.Post, $"/api/v2/agents/{agentId}/enrol",
            new { createTunnel = true, scopes = new { zones = Zones } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("agent").GetProperty("tunnelId").GetString()!;
    }

    /// <summary>The last lines of every process, for the test's output.</summary>
    internal IEnumerable<string> Tails()
    {
        IEnumerable<(string Name, IReadOnlyList<string> Lines)> all =
            [("master", Master?.Tail() ?? []), ("emulator", Cloudflare?.Tail() ?? []), .. _agents.Select(a => ("agent " + a.Name, a.Tail()))];
        foreach (var (name, lines) in all)
        {
            yield return $"----- last lines of {name} (all of it is in {_folder} while the test runs)";
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    internal void WriteTails(ITestOutputHelper output)
    {
        foreach (var line in Tails())
        {
            output.WriteLine(line);
        }
    }

    public async Task DisposeAsync()
    {
        // Agents first (their cloudflared stays until its engine goes), then the master and what it uses.
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        foreach (var part in new IAsyncDisposable?[] { Master, Cloudflare, Redis, HostA, HostB })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the suite.
        }
    }
}
