using System.Text.Json;
using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>Re-enrolment, the master's own tunnel, and the commands an agent understands, on the real master (Redis database 30).</summary>
[Collection(AgentSharedDatabase.Collection)]
public sealed class AgentTunnelTests
{
    private const int Database = AgentSharedDatabase.Database;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Dictionary<string, string> Web(string hostname) => new()
    {
        ["dockflare.enable"] = "true",
        ["dockflare.hostname"] = hostname,
        ["dockflare.service"] = "http://web:80",
    };

    private static async Task<IReadOnlyList<IngressRule>> IngressAsync(AgentMaster master, string tunnelId) =>
        (await master.Tunnels.GetTunnelConfigurationAsync(master.AccountId, tunnelId, Ct)).Config.Ingress;

    private static async Task<bool> LiveAsync(AgentMaster master, string tunnelId) =>
        await master.Tunnels.GetTunnelAsync(master.AccountId, tunnelId, Ct) is { IsDeleted: false };

    private static Task RunJobAsync(AgentMaster master, string id) =>
        master.Services.GetRequiredService<IEnumerable<IRecurringJob>>().Single(j => j.Id == id).RunAsync(Ct);

    private static async Task<List<JsonElement>> HistoryAsync(AgentMaster master, string agentId) =>
        [.. (await master.GetAsync($"/api/v2/agents/{agentId}")).Body.GetProperty("commands").EnumerateArray().Select(h => h.GetProperty("command"))];

    [Fact]
    public async Task Reenrol_OnAnotherTunnel_CreatedTunnelDeletedOnceFreeAndFreshStartTunnel()
    {
        await using var master = await AgentMaster.StartAsync(Database, "--GRACE_PERIOD_SECONDS=0");
        var (agentId, secret, first) = await master.EnrolledAgentAsync("mover", "example.com");
        await master.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { new { id = "c1", name = "app", state = "running", labels = Web("mover.example.com") } } }, secret);
        Assert.True((await master.ReconcileAsync()).Succeeded);
        Assert.Contains(await IngressAsync(master, first), r => r.Hostname == "mover.example.com");
        master.Emulator.AttachConnector(first); // the agent's cloudflared still runs the old tunnel
        var second = (await master.Tunnels.CreateTunnelAsync(master.AccountId, "admin-made-" + Guid.NewGuid().ToString("N")[..6], Ct)).Tunnel;

        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { tunnelId = second.Id });

        Assert.Equal(200, status);
        Assert.Equal(second.Id, body.GetProperty("agent").GetProperty("tunnelId").GetString());
        var start = (await HistoryAsync(master, agentId))[0];
        Assert.Equal(("start_tunnel", second.Id), (start.GetProperty("action").GetString(), start.GetProperty("payload").GetProperty("tunnel_id").GetString()));
        var outcome = await master.ReconcileAsync();
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        Assert.Contains(await IngressAsync(master, second.Id), r => r.Hostname == "mover.example.com");
        Assert.DoesNotContain(await IngressAsync(master, first), r => r.Hostname == "mover.example.com");

        // Not while a connector is attached (no cascade)...
        await RunJobAsync(master, "agents-finish-removals");
        Assert.True(await LiveAsync(master, first));

        // ...but once the agent's old cloudflared is gone.
        await master.Tunnels.CleanupTunnelConnectionsAsync(master.AccountId, first, null, Ct);
        await RunJobAsync(master, "agents-finish-removals");
        Assert.False(await LiveAsync(master, first));
        Assert.True(await LiveAsync(master, second.Id));
        Assert.Contains(await IngressAsync(master, second.Id), r => r.Hostname == "mover.example.com");
    }

    [Fact]
    public async Task Reenrol_FromTunnelAssignedByAdmin_PreviousTunnelKept()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, _) = await master.NewAgentAsync("admin-tunnel");
        var assigned = (await master.Tunnels.CreateTunnelAsync(master.AccountId, "assigned-" + Guid.NewGuid().ToString("N")[..6], Ct)).Tunnel;
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { tunnelId = assigned.Id })).Status);

        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true });
        await master.ReconcileAsync();
        await RunJobAsync(master, "agents-finish-removals");

        Assert.Equal(200, status);
        Assert.NotEqual(assigned.Id, body.GetProperty("agent").GetProperty("tunnelId").GetString());
        Assert.True(await LiveAsync(master, assigned.Id));
    }

    [Fact]
    public async Task Enrol_MastersOwnTunnel_409WithMessage()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, _) = await master.NewAgentAsync("greedy");
        var own = new List<KnownTunnel>();
        foreach (var directory in master.Services.GetRequiredService<IEnumerable<ITunnelDirectory>>())
        {
            own.AddRange((await directory.ListAsync(Ct)).Where(t => t.Host == LocalHost.Name));
        }

        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { tunnelId = Assert.Single(own).Id });

        Assert.Equal(409, status);
        Assert.Equal("master_tunnel", body.GetProperty("error").GetString());
        Assert.Contains("master's own tunnel", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", (await master.GetAsync($"/api/v2/agents/{agentId}")).Body.GetProperty("agent").GetProperty("agent").GetProperty("status").GetString());
        Assert.Empty(await HistoryAsync(master, agentId));
    }

    [Fact]
    public async Task AdminCommands_StopUpdateImageResync_QueuedAndDeliveredWithTheirPayloads()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("commanded", "example.com");
        var (pendingId, _) = await master.NewAgentAsync("not-enrolled");

        var stop = await master.PostAsync($"/api/v2/agents/{agentId}/stop-tunnel");
        var image = await master.PostAsync($"/api/v2/agents/{agentId}/update-image", new { image = "cloudflare/cloudflared:2025.8.0" });
        var resync = await master.PostAsync($"/api/v2/agents/{agentId}/resync");

        Assert.Equal((200, "stop_tunnel"), (stop.Status, stop.Body.GetProperty("command").GetProperty("action").GetString()));
        Assert.Equal((200, "update_image"), (image.Status, image.Body.GetProperty("command").GetProperty("action").GetString()));
        Assert.Equal((200, "resync"), (resync.Status, resync.Body.GetProperty("command").GetProperty("action").GetString()));
        var (pollStatus, poll, _) = await master.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", secret);
        Assert.Equal(200, pollStatus);
        var commands = poll.GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal(["start_tunnel", "stop_tunnel", "update_image", "resync"], commands.Select(c => c.GetProperty("action").GetString()));
        Assert.Equal(tunnelId, commands[0].GetProperty("payload").GetProperty("tunnel_id").GetString());
        Assert.Equal("{}", commands[1].GetProperty("payload").GetRawText());
        Assert.Equal("cloudflare/cloudflared:2025.8.0", commands[2].GetProperty("payload").GetProperty("image").GetString());
        Assert.Equal("{}", commands[3].GetProperty("payload").GetRawText());

        var bad = await master.PostAsync($"/api/v2/agents/{agentId}/update-image", new { image = "Not An Image!" });
        Assert.Equal((400, "invalid_image"), (bad.Status, bad.Body.GetProperty("error").GetString()));
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/update-image", new { })).Status);
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/update-image", "not json")).Status);
        Assert.Equal(409, (await master.PostAsync($"/api/v2/agents/{pendingId}/stop-tunnel")).Status);
        Assert.Equal(404, (await master.PostAsync("/api/v2/agents/00000000-0000-0000-0000-000000000000/resync")).Status);
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentId}/resync", null, secret)).Status); // an agent key opens no admin route
    }

    [Fact]
    public async Task Redeploy_RestartTunnel_V2CarriesTokenOriginalShapeAlsoTunnelToken()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (v2Agent, v2Secret, v2Tunnel) = await master.EnrolledAgentAsync("modern", "example.com");
        var (legacyAgent, legacySecret, legacyTunnel) = await master.EnrolledAgentAsync("legacy", "example.com");
        await master.GetAsync($"/api/v2/agents/{legacyAgent}/commands", legacySecret); // the original agent takes start_tunnel
        var start = Assert.Single((await master.GetAsync($"/api/v2/agents/{v2Agent}/commands?wait=0", v2Secret)).Body.GetProperty("commands").EnumerateArray());
        await master.PostAsync($"/api/v2/agents/{v2Agent}/commands/{start.GetProperty("id").GetString()}/ack", new { outcome = "succeeded" }, v2Secret);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{v2Agent}/redeploy")).Status);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{legacyAgent}/redeploy")).Status);

        var modern = Assert.Single((await master.GetAsync($"/api/v2/agents/{v2Agent}/commands?wait=0", v2Secret)).Body.GetProperty("commands").EnumerateArray());
        var legacy = Assert.Single((await master.GetAsync($"/api/v2/agents/{legacyAgent}/commands", legacySecret)).Body.GetProperty("commands").EnumerateArray());

        var v2Token = (await master.Tunnels.GetTunnelTokenAsync(master.AccountId, v2Tunnel, Ct)).Value;
        var legacyToken = (await master.Tunnels.GetTunnelTokenAsync(master.AccountId, legacyTunnel, Ct)).Value;
        Assert.Equal("restart_tunnel", modern.GetProperty("action").GetString());
        Assert.Equal(v2Token, modern.GetProperty("payload").GetProperty("token").GetString());
        Assert.False(modern.GetProperty("payload").TryGetProperty("tunnel_token", out _));
        Assert.Equal("restart_tunnel", legacy.GetProperty("action").GetString());
        Assert.Equal(legacyToken, legacy.GetProperty("tunnel_token").GetString());
        Assert.Equal(legacyToken, legacy.GetProperty("token").GetString());
        Assert.Equal(legacyTunnel, legacy.GetProperty("tunnel_id").GetString());
    }
}
