using System.Diagnostics;
using System.Text.Json.Nodes;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging.Abstractions;
using static DockFlare.Modules.Agents.Tests.AgentCommandTestRedis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>The command streams without Redis: the same semantics, persisted through the state store's settings.</summary>
public sealed class AgentCommandEmbeddedTests
{
    private readonly IStateStore _store;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SettingEntry> _settings;

    public AgentCommandEmbeddedTests()
    {
        (_store, _settings) = AgentCommandSettingsStore.Create();
    }

    private EmbeddedAgentCommands NewCommands(AgentCommandSettings? settings = null) =>
        new(_store, NoSecrets(), TimeProvider.System, settings ?? Fast, NullLogger<EmbeddedAgentCommands>.Instance);

    [Fact]
    public async Task WaitForCommands_QueuedDuringLongPoll_DeliveredWithinOneSecond()
    {
        var commands = NewCommands(Fast with { RecheckInterval = TimeSpan.FromSeconds(30) });
        var poll = commands.WaitForCommandsAsync("a1", TimeSpan.FromSeconds(20), Ct);
        await Task.Delay(200);
        var clock = Stopwatch.StartNew();
        var queued = await commands.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        var delivered = await poll;

        Assert.Equal(queued.Id, Assert.Single(delivered).Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"delivered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task WaitForCommands_UntilAcknowledged_DeliveredAgainThenNever()
    {
        var commands = NewCommands();
        var first = await commands.EnqueueAsync("a1", "stop_tunnel", new JsonObject { ["n"] = 1 }, TimeSpan.FromMinutes(5), Ct);
        var second = await commands.EnqueueAsync("a1", "stop_tunnel", new JsonObject { ["n"] = 2 }, TimeSpan.FromMinutes(5), Ct);

        var poll1 = await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct);
        var poll2 = await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct);
        Assert.True(await commands.AcknowledgeAsync("a1", first.Id, AgentCommandOutcome.Succeeded, "ok", Ct));
        Assert.True(await commands.AcknowledgeAsync("a1", second.Id, AgentCommandOutcome.Failed, "boom", Ct));
        var poll3 = await commands.WaitForCommandsAsync("a1", TimeSpan.FromMilliseconds(300), Ct);

        Assert.Equal([first.Id, second.Id], poll1.Select(c => c.Id));
        Assert.Equal([2, 2], poll2.Select(c => c.Deliveries));
        Assert.Empty(poll3);
        Assert.False(await commands.AcknowledgeAsync("a1", "1-0", AgentCommandOutcome.Succeeded, null, Ct));
        Assert.False(await commands.AcknowledgeAsync("a2", first.Id, AgentCommandOutcome.Succeeded, null, Ct));
        Assert.Equal(["failed", "succeeded"], (await commands.HistoryAsync("a1", 10, Ct)).Select(h => h.State));
    }

    [Fact]
    public async Task Acknowledge_Received_HeldBackThenRedelivered()
    {
        var commands = NewCommands();
        var command = await commands.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct);
        await commands.AcknowledgeAsync("a1", command.Id, AgentCommandOutcome.Received, null, Ct);

        Assert.Empty(await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct));
        await Task.Delay(Fast.ReceivedRedeliveryAfter + TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, Assert.Single(await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct)).Deliveries);
    }

    [Fact]
    public async Task Restart_PendingCommandsSurviveInTheStateStore()
    {
        var before = NewCommands();
        var queued = await before.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await before.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct);

        var after = NewCommands();
        var delivered = Assert.Single(await after.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct));
        var next = await after.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);

        Assert.Equal((queued.Id, 2), (delivered.Id, delivered.Deliveries));
        Assert.True(AgentCommandIds.Compare(queued.Id, next.Id) < 0);
        Assert.True(_settings.ContainsKey(EmbeddedAgentCommands.SettingPrefix + "a1"));
    }

    [Fact]
    public async Task ExpireJob_PastExpiry_MarkedExpired()
    {
        var commands = NewCommands();
        await commands.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMilliseconds(100), Ct);
        await Task.Delay(200);

        await new ExpireAgentCommandsJob(commands, NullLogger<ExpireAgentCommandsJob>.Instance).RunAsync(Ct);

        Assert.Empty(await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct));
        Assert.Equal("expired", Assert.Single(await commands.HistoryAsync("a1", 10, Ct)).State);
        Assert.Equal(0, await commands.ExpireAsync(Ct));
    }

    [Fact]
    public async Task CancelAllAndHistoryLimit_BehaveAsOnRedis()
    {
        var commands = NewCommands(Fast with { HistoryLimit = 3 });
        for (var i = 0; i < 5; i++)
        {
            var command = await commands.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
            await commands.AcknowledgeAsync("a1", command.Id, AgentCommandOutcome.Succeeded, null, Ct);
        }

        await commands.EnqueueAsync("a1", "stop_tunnel", [], TimeSpan.FromMinutes(5), Ct);
        await commands.CancelAllAsync("a1", Ct);

        var history = await commands.HistoryAsync("a1", 100, Ct);
        Assert.Equal(3, history.Count);
        Assert.Equal("expired", history[0].State);
        Assert.Empty(await commands.WaitForCommandsAsync("a1", TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task Enqueue_TokenInPayload_NeverStored()
    {
        var commands = NewCommands();
        await commands.EnqueueAsync("a1", "start_tunnel", new JsonObject { ["tunnel_id"] = "t", ["token"] = "secret-token-value" }, TimeSpan.FromMinutes(5), Ct);

        Assert.DoesNotContain(_settings.Values, s => s.Value.Contains("secret-token-value", StringComparison.Ordinal));
    }
}
