using System.Text.Json;
using DockFlare.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>A removed agent is told so (410) on every agent route; a key an admin revoked is a plain 401 (Redis database 30).</summary>
[Collection(AgentSharedDatabase.Collection)]
public sealed class AgentRemovedTests
{
    private const int Database = AgentSharedDatabase.Database;

    private static async Task<List<(int Status, JsonElement Body)>> EveryAgentRouteAsync(AgentMaster master, string agentId, string secret)
    {
        var answers = new List<(int, JsonElement)>();
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/api/v2/agents/register", new { agentId, displayName = "x" }),
            (HttpMethod.Post, "/api/v2/agents/register", new { agent_id = agentId, display_name = "x" }),
            (HttpMethod.Post, $"/api/v2/agents/{agentId}/heartbeat", null),
            (HttpMethod.Post, $"/api/v2/agents/{agentId}/inventory", new { containers = Array.Empty<object>() }),
            (HttpMethod.Post, $"/api/v2/agents/{agentId}/events", new { type = "heartbeat" }),
            (HttpMethod.Get, $"/api/v2/agents/{agentId}/commands?wait=0", null),
            (HttpMethod.Get, $"/api/v2/agents/{agentId}/commands", null),
            (HttpMethod.Post, $"/api/v2/agents/{agentId}/commands/1-0/ack", new { outcome = "succeeded" }),
        })
        {
            var (status, json, _) = await master.SendAsync(method, path, body, secret);
            answers.Add((status, json));
        }

        return answers;
    }

    [Fact]
    public async Task Remove_Agent_EveryAgentRouteAnswers410AgentRemovedAlsoAfterTheRemovalFinished()
    {
        await using var master = await AgentMaster.StartAsync(Database, "--GRACE_PERIOD_SECONDS=0");
        var (agentId, secret, _) = await master.EnrolledAgentAsync("leaving", "example.com");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/remove", new { cascade = true })).Status);

        var whileRemoving = await EveryAgentRouteAsync(master, agentId, secret);
        await master.ReconcileAsync();
        await master.Services.GetRequiredService<IEnumerable<IRecurringJob>>().Single(j => j.Id == "agents-finish-removals").RunAsync(CancellationToken.None);
        Assert.Equal(404, (await master.GetAsync($"/api/v2/agents/{agentId}")).Status);
        var afterRemoval = await EveryAgentRouteAsync(master, agentId, secret);

        foreach (var (status, body) in whileRemoving.Concat(afterRemoval))
        {
            Assert.Equal(410, status);
            Assert.Equal("error", body.GetProperty("status").GetString());
            Assert.Equal("agent_removed", body.GetProperty("error").GetString());
            Assert.Contains("removed", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Only the real secret learns it: another secret with the same key id is a plain 401.
        var keyId = secret.Split('_')[1];
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, $"dfa_{keyId}_{new string('0', 64)}")).Status);
        Assert.Equal(401, (await master.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", $"dfa_{keyId}_{new string('0', 64)}")).Status);
    }

    [Fact]
    public async Task RevokeKey_WithoutRemoval_401Not410()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, _) = await master.EnrolledAgentAsync("revoked", "example.com");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agent-keys/{secret.Split('_')[1]}/revoke")).Status);

        var answers = await EveryAgentRouteAsync(master, agentId, secret);

        Assert.All(answers, a => Assert.Equal(401, a.Status));
        Assert.All(answers, a => Assert.Equal("unauthorized", a.Body.GetProperty("error").GetString()));
        Assert.Equal("enrolled", (await master.GetAsync($"/api/v2/agents/{agentId}")).Body.GetProperty("agent").GetProperty("agent").GetProperty("status").GetString());
    }
}
