using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DockFlare.Agent.Tests.Support;
using DockFlare.Plugins.Abstractions;
using NSubstitute;

namespace DockFlare.Agent.Tests.Runtime;

/// <summary>What leaves the host about its containers: inventories and batched events, DockFlare labels only.</summary>
public sealed class ContainerReportingTests : IDisposable
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["dockflare.enable"] = "true",
        ["dockflare.hostname"] = "web.example.com",
        ["SECRET_ENV"] = "hunter2",
        ["com.example.x"] = "private",
        ["name"] = "web",
        ["image"] = "nginx",
    };

    private readonly AgentParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task Inventory_AtConnect_CarriesOnlyDockFlareLabelKeys()
    {
        _parts.Containers.Add(new ContainerSnapshot("a1", "web", "nginx", "running", Labels, DateTimeOffset.UnixEpoch));

        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => !_parts.Master.Inventories.IsEmpty, "the inventory");

        var inventory = _parts.Master.Inventories.First();
        Assert.True((bool)inventory["complete"]!);
        Assert.False(string.IsNullOrEmpty((string?)inventory["sessionId"]));
        var container = inventory["containers"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["dockflare.enable", "dockflare.hostname"], container["labels"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("hunter2", inventory.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("com.example.x", inventory.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AreBatchedWithOneSessionAndConsecutiveSequenceNumbers()
    {
        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => !_parts.Master.Inventories.IsEmpty, "the inventory");

        for (var i = 0; i < 150; i++)
        {
            await _parts.EngineEvents.Writer.WriteAsync(Event($"c{i}", i % 2 == 0 ? "start" : "die", i));
        }

        await Eventually.TrueAsync(() => _parts.Master.AppliedEvents.Count == 150, "150 events applied");
        Assert.All(_parts.Master.EventBatches, b => Assert.InRange(b["events"]!.AsArray().Count, 1, 100));
        Assert.True(_parts.Master.EventBatches.Count >= 2);
        Assert.Single(_parts.Master.EventBatches.Select(b => (string?)b["sessionId"]).Distinct());
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), _parts.Master.AppliedEvents.Select(e => (long)e["seq"]!));
        var first = _parts.Master.AppliedEvents.First();
        Assert.Equal("container_start", (string?)first["type"]);
        Assert.Equal(["dockflare.enable", "dockflare.hostname"], first["container"]!["labels"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("container_die", (string?)_parts.Master.AppliedEvents.ElementAt(1)["type"]);
        Assert.DoesNotContain(_parts.Master.EventBatches, b => b.ToJsonString().Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_AnswerLost_TheSameBatchIsSentAgain_AndAppliedOnce()
    {
        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => !_parts.Master.Inventories.IsEmpty, "the inventory");
        _parts.Master.LoseEventAnswers = 1;

        for (var i = 0; i < 3; i++)
        {
            await _parts.EngineEvents.Writer.WriteAsync(Event($"c{i}", "start", i));
        }

        await Eventually.TrueAsync(() => _parts.Master.EventBatches.Count >= 2, "the retry");
        var batches = _parts.Master.EventBatches.ToList();
        Assert.Equal(batches[0].ToJsonString(), batches[1].ToJsonString());
        Assert.Equal(3, _parts.Master.AppliedEvents.Count);
        await Task.Delay(200);
        Assert.Equal(2, _parts.Master.EventBatches.Count);
    }

    [Fact]
    public async Task EventStream_Breaks_IsReopenedFromTheLastEventTime()
    {
        var lastTime = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var sinces = new List<DateTimeOffset?>();
        var calls = 0;
        _parts.Events.WatchAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<DateTimeOffset?>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            lock (sinces)
            {
                sinces.Add(ci.ArgAt<DateTimeOffset?>(1));
            }

            return Interlocked.Increment(ref calls) == 1
                ? BreakingStream(Event("a1", "start", 0) with { Time = lastTime })
                : _parts.EngineEvents.Reader.ReadAllAsync(ci.ArgAt<CancellationToken>(2));
        });

        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) >= 2, "the stream reopened");
        await _parts.EngineEvents.Writer.WriteAsync(Event("b2", "start", 1));
        await Eventually.TrueAsync(() => _parts.Master.AppliedEvents.Count == 2, "both events sent");

        lock (sinces)
        {
            Assert.Equal([null, lastTime], sinces.Take(2));
        }

        Assert.Contains(_parts.Logs.Entries, e => e.Contains("Docker event stream broke", StringComparison.Ordinal));
    }

    private static ContainerEvent Event(string id, string action, int n) =>
        new(id, action, DateTimeOffset.UnixEpoch.AddSeconds(n), n, Labels);

    private static async IAsyncEnumerable<ContainerEvent> BreakingStream(ContainerEvent only, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return only;
        throw new IOException("the engine's stream broke");
    }
}
