using System.Text.Json;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>Two independent masters (two apps, two containers) on one Redis serving the same agents.</summary>
[Collection(AgentSharedDatabase.Collection)]
public sealed class AgentReplicaTests
{
    private const int Database = AgentSharedDatabase.Database;

    [Fact]
    public async Task RateLimit_TwoMastersOneRedis_ShareTheAgentsBudget()
    {
        await using var a = await AgentMaster.StartAsync(Database, "--AGENT_RATE_LIMIT_PER_MINUTE=10");
        await using var b = await AgentMaster.JoinAsync(Database, "--AGENT_RATE_LIMIT_PER_MINUTE=10");
        var (agentId, secret) = await a.NewAgentAsync("shared-budget");

        var answers = new List<(char Master, int Status, HttpResponseMessage Response)>();
        for (var i = 0; i < 16; i++)
        {
            var master = i % 2 == 0 ? a : b;
            var (status, _, response) = await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret);
            answers.Add((i % 2 == 0 ? 'a' : 'b', status, response));
        }

        // Each master alone would allow 10: together they allow the one budget of 10 (11 if a token refilled meanwhile).
        var allowed = answers.Count(x => x.Status == 200);
        Assert.InRange(allowed, 10, 11);
        Assert.All(answers.Skip(allowed), x => Assert.Equal(429, x.Status));
        Assert.Contains(answers, x => x.Master == 'a' && x.Status == 429);
        Assert.Contains(answers, x => x.Master == 'b' && x.Status == 429);
        var retryAfter = answers.First(x => x.Status == 429).Response.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 6);

        // The command routes (long poll and ack) draw on the same budget.
        Assert.Equal(429, (await b.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", secret)).Status);
        Assert.Equal(429, (await a.PostAsync($"/api/v2/agents/{agentId}/commands/1-0/ack", new { outcome = "succeeded" }, secret)).Status);
    }

    [Fact]
    public async Task RateLimit_LongPoll_CountsOnce()
    {
        await using var a = await AgentMaster.StartAsync(Database, "--AGENT_RATE_LIMIT_PER_MINUTE=10");
        await using var b = await AgentMaster.JoinAsync(Database, "--AGENT_RATE_LIMIT_PER_MINUTE=10");
        var (agentId, secret) = await a.NewAgentAsync("long-poller");

        // A long poll (which re-reads the stream inside while it waits) takes one request from the budget.
        Assert.Equal(200, (await b.GetAsync($"/api/v2/agents/{agentId}/commands?wait=1", secret)).Status);
        var statuses = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await (i % 2 == 0 ? a : b).PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret)).Status);
        }

        Assert.Equal(Enumerable.Repeat(200, 9).Append(429), statuses);
    }

    [Fact]
    public async Task TwoMasters_AgentServedAlternately_EveryCommandDeliveredOnceAndHistoryConsistent()
    {
        await using var a = await AgentMaster.StartAsync(Database, "--AGENT_ENROLLMENT_REQUIRED=false");
        await using var b = await AgentMaster.JoinAsync(Database, "--AGENT_ENROLLMENT_REQUIRED=false");
        var masters = new[] { a, b };
        var (agentId, secret) = await a.NewAgentAsync("replicated");

        // Registry and reports written on one master are read on the other.
        var (shownStatus, shown, _) = await b.GetAsync($"/api/v2/agents/{agentId}");
        Assert.Equal(200, shownStatus);
        Assert.Equal("replicated", shown.GetProperty("agent").GetProperty("agent").GetProperty("displayName").GetString());
        var container = new { id = "c1", name = "web", state = "running", labels = new Dictionary<string, string> { ["dockflare.enable"] = "true" } };
        Assert.Equal(200, (await b.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { container } }, secret)).Status);
        var (_, list, _) = await a.GetAsync("/api/v2/agents");
        Assert.Equal(1, Assert.Single(list.GetProperty("agents").EnumerateArray()).GetProperty("reportedContainers").GetInt32());

        var queued = new List<string>();
        var executed = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var agentLoop = Task.Run(async () =>
        {
            for (var poll = 0; !stop.IsCancellationRequested; poll++)
            {
                var (status, body, _) = await masters[poll % 2].GetAsync($"/api/v2/agents/{agentId}/commands?wait=1", secret);
                Assert.Equal(200, status);
                foreach (var command in body.GetProperty("commands").EnumerateArray())
                {
                    var id = command.GetProperty("id").GetString()!;
                    lock (executed)
                    {
                        executed.Add(id);
                    }

                    // The ack goes to the other master.
                    var (ackStatus, _, _) = await masters[(poll + 1) % 2].PostAsync($"/api/v2/agents/{agentId}/commands/{id}/ack", new { outcome = "succeeded", result = "done" }, secret);
                    Assert.Equal(204, ackStatus);
                }

                lock (executed)
                {
                    lock (queued)
                    {
                        if (queued.Count == 12 && executed.Count >= 12)
                        {
                            return;
                        }
                    }
                }
            }
        });
        for (var i = 0; i < 12; i++)
        {
            var master = masters[i % 2];
            var (status, body, _) = i % 3 == 0
                ? await master.PostAsync($"/api/v2/agents/{agentId}/resync")
                : await master.PostAsync($"/api/v2/agents/{agentId}/update-image", new { image = $"cloudflare/cloudflared:2025.{i}.0" });
            Assert.Equal(200, status);
            lock (queued)
            {
                queued.Add(body.GetProperty("command").GetProperty("id").GetString()!);
            }

            await Task.Delay(50);
        }

        await agentLoop.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(queued.Order(StringComparer.Ordinal), executed.Order(StringComparer.Ordinal)); // every one, once
        Assert.Empty((await a.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", secret)).Body.GetProperty("commands").EnumerateArray());
        Assert.Empty((await b.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", secret)).Body.GetProperty("commands").EnumerateArray());
        var historyA = await HistoryAsync(a, agentId);
        var historyB = await HistoryAsync(b, agentId);
        Assert.Equal(historyA, historyB);
        Assert.Equal(queued.Order(StringComparer.Ordinal), historyA.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(historyA, h => Assert.Equal(("succeeded", 1), (h.State, h.Deliveries)));
    }

    private static async Task<List<(string Id, string State, int Deliveries)>> HistoryAsync(AgentMaster master, string agentId)
    {
        var (_, body, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
        return [.. body.GetProperty("commands").EnumerateArray().Select(h => (
            h.GetProperty("command").GetProperty("id").GetString()!,
            h.GetProperty("state").GetString()!,
            h.GetProperty("command").GetProperty("deliveries").GetInt32()))];
    }
}
