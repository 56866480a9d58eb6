using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static DockFlare.Modules.Agents.Tests.AgentCommandTestRedis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>The Redis command streams against a real Redis (database 28).</summary>
public sealed class AgentCommandRedisTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;
    private ConnectionMultiplexer _other = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectAsync(StreamDatabase);
        _other = await ConnectAsync(StreamDatabase);
        await FlushAsync(_redis, StreamDatabase);
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task WaitForCommands_QueuedOnAnotherReplicaDuringLongPoll_DeliveredWithinOneSecond()
    {
        var agent = NewAgentId();
        var waiting = Commands(_redis, Fast with { RecheckInterval = TimeSpan.FromSeconds(30) });
        var queuing = Commands(_other);
        await waiting.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct); // subscribes

        var poll = waiting.WaitForCommandsAsync(agent, TimeSpan.FromSeconds(20), Ct);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);
        var clock = Stopwatch.StartNew();
        var queued = await queuing.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        var delivered = await poll;
        clock.Stop();

        Assert.Equal(queued.Id, Assert.Single(delivered).Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"delivered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task WaitForCommands_NotAcknowledged_DeliveredAgainWithDeliveryCount()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var first = await commands.EnqueueAsync(agent, "stop_tunnel", new JsonObject { ["reason"] = "test" }, TimeSpan.FromMinutes(5), Ct);
        var second = await commands.EnqueueAsync(agent, "update_tunnel_config", [], TimeSpan.FromMinutes(5), Ct);

        var poll1 = await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);
        var poll2 = await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);

        Assert.Equal([first.Id, second.Id], poll1.Select(c => c.Id));
        Assert.Equal([first.Id, second.Id], poll2.Select(c => c.Id));
        Assert.Equal([1, 1], poll1.Select(c => c.Deliveries));
        Assert.Equal([2, 2], poll2.Select(c => c.Deliveries));
        Assert.Equal("test", poll2[0].Payload["reason"]!.GetValue<string>());
        Assert.True(AgentCommandIds.Compare(first.Id, second.Id) < 0);
    }

    [Fact]
    public async Task Acknowledge_Succeeded_NeverDeliveredAgainAndKeptInHistory()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var command = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);

        Assert.True(await commands.AcknowledgeAsync(agent, command.Id, AgentCommandOutcome.Succeeded, "stopped", Ct));
        var again = await commands.WaitForCommandsAsync(agent, TimeSpan.FromMilliseconds(600), Ct);
        Assert.True(await commands.AcknowledgeAsync(agent, command.Id, AgentCommandOutcome.Failed, "late duplicate", Ct));

        Assert.Empty(again);
        var entry = Assert.Single(await commands.HistoryAsync(agent, 10, Ct));
        Assert.Equal(("succeeded", "stopped", 1), (entry.State, entry.Result, entry.Command.Deliveries));
        // Unix milliseconds do not fit an int: the time must not be clipped to January 1970.
        Assert.InRange(entry.UpdatedAt, entry.Command.CreatedAt, entry.Command.CreatedAt + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Acknowledge_UnknownCommandOrOtherAgent_ReturnsFalse()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var command = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);

        Assert.False(await commands.AcknowledgeAsync(agent, "1-0", AgentCommandOutcome.Succeeded, null, Ct));
        Assert.False(await commands.AcknowledgeAsync(agent, "not-an-id", AgentCommandOutcome.Succeeded, null, Ct));
        Assert.False(await commands.AcknowledgeAsync(NewAgentId(), command.Id, AgentCommandOutcome.Succeeded, null, Ct));
    }

    [Fact]
    public async Task Acknowledge_Received_HeldBackThenRedeliveredAfterTimeoutWhenNeverFinished()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var command = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);

        await commands.AcknowledgeAsync(agent, command.Id, AgentCommandOutcome.Received, null, Ct);
        var heldBack = await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);
        await Task.Delay(Fast.ReceivedRedeliveryAfter + TimeSpan.FromMilliseconds(100));
        var redelivered = await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct);

        Assert.Empty(heldBack);
        Assert.Equal(2, Assert.Single(redelivered).Deliveries);
        Assert.Equal("received", (await commands.HistoryAsync(agent, 1, Ct))[0].State);
    }

    [Fact]
    public async Task WaitForCommands_ResponseLost_SameCommandDeliveredOnNextPoll()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var command = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);

        // The first answer never reaches the agent (the connection drops): it simply polls again.
        _ = await commands.WaitForCommandsAsync(agent, TimeSpan.FromSeconds(5), Ct);
        var retry = await commands.WaitForCommandsAsync(agent, TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(command.Id, Assert.Single(retry).Id);
        Assert.Equal(2, retry[0].Deliveries);
    }

    [Fact]
    public async Task ExpireJob_PastExpiry_MarkedExpiredAndNoLongerDelivered()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        var shortLived = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMilliseconds(200), Ct);
        var longLived = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await Task.Delay(300);

        var job = new ExpireAgentCommandsJob(commands, NullLogger<ExpireAgentCommandsJob>.Instance);
        await job.RunAsync(Ct);
        await job.RunAsync(Ct); // idempotent

        Assert.Equal("agents-expire-commands", job.Id);
        Assert.Matches("^[a-z][a-z0-9-]{0,62}$", job.Id);
        Assert.Equal(longLived.Id, Assert.Single(await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct)).Id);
        var history = await commands.HistoryAsync(agent, 10, Ct);
        Assert.Equal("expired", history.Single(h => h.Command.Id == shortLived.Id).State);
        Assert.Equal("pending", history.Single(h => h.Command.Id == longLived.Id).State);
    }

    [Fact]
    public async Task CancelAll_OpenCommands_ExpiredAndHistoryKept()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis);
        await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);

        await commands.CancelAllAsync(agent, Ct);

        Assert.Empty(await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct));
        Assert.All(await commands.HistoryAsync(agent, 10, Ct), h => Assert.Equal("expired", h.State));
        Assert.False(await _redis.GetDatabase().SetContainsAsync(RedisAgentCommandKeys.AgentsWithOpenCommands, agent));
    }

    [Fact]
    public async Task Enqueue_BeyondHistoryLimit_OldFinalCommandsTrimmedOpenOnesKept()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis, Fast with { HistoryLimit = 5 });
        var open = await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        var ids = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var command = await commands.EnqueueAsync(agent, "stop_tunnel", new JsonObject { ["n"] = i }, TimeSpan.FromMinutes(5), Ct);
            await commands.AcknowledgeAsync(agent, command.Id, AgentCommandOutcome.Succeeded, null, Ct);
            ids.Add(command.Id);
        }

        await commands.EnqueueAsync(agent, "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);

        var db = _redis.GetDatabase();
        var history = await commands.HistoryAsync(agent, 100, Ct);
        Assert.True(history.Count <= 6, $"{history.Count} entries kept");
        Assert.Contains(history, h => h.Command.Id == open.Id);
        Assert.Equal(ids[^1], history[1].Command.Id);
        Assert.False(await db.KeyExistsAsync(RedisAgentCommandKeys.State(agent, ids[0])));
        Assert.Equal(history.Count, await db.StreamLengthAsync(RedisAgentCommandKeys.Stream(agent)));
    }

    [Fact]
    public async Task TwoReplicas_ServingOneAgentAlternately_NoCommandLostOrDuplicated()
    {
        var agent = NewAgentId();
        var replicas = new[] { Commands(_redis), Commands(_other) };
        var queued = new List<string>();
        var executed = new List<string>();

        var agentLoop = Task.Run(async () =>
        {
            for (var poll = 0; executed.Count < 30 && poll < 200; poll++)
            {
                var replica = replicas[poll % 2];
                foreach (var command in await replica.WaitForCommandsAsync(agent, TimeSpan.FromSeconds(2), Ct))
                {
                    executed.Add(command.Id);
                    // The ack goes to the other replica: both share the state.
                    await replicas[(poll + 1) % 2].AcknowledgeAsync(agent, command.Id, AgentCommandOutcome.Succeeded, null, Ct);
                }
            }
        });
        for (var i = 0; i < 30; i++)
        {
            var command = await replicas[i % 2].EnqueueAsync(agent, "stop_tunnel", new JsonObject { ["n"] = i }, TimeSpan.FromMinutes(5), Ct);
            lock (queued)
            {
                queued.Add(command.Id);
            }

            if (i % 3 == 0)
            {
                await Task.Delay(20);
            }
        }

        await agentLoop.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(queued.Order(AgentCommandIds.Comparer), executed.Order(AgentCommandIds.Comparer));
        Assert.Equal(executed.Count, executed.Distinct().Count());
        Assert.Equal(executed, executed.Order(AgentCommandIds.Comparer)); // oldest first, across replicas
    }
}
