using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockFlare.Plugins.Docker.Tests;

/// <summary>The event stream's resume logic, over scripted engine streams that break.</summary>
public sealed class DockerEventSourceTests
{
    private const long Second = 1_000_000_000;
    private static readonly long T0 = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000;

    [Fact]
    public async Task WatchAsync_StreamBreaks_ResumesFromLastEventWithoutLossOrDuplicates()
    {
        var engine = new ScriptedEngine(
            new Stream([Event("a", "start", T0), Event("b", "start", T0 + Second), Event("c", "start", T0 + Second)], Fails: true),
            // The engine replays from "since" inclusive: b and c again, then the events of the gap.
            new Stream([Event("b", "start", T0 + Second), Event("c", "start", T0 + Second), Event("a", "die", T0 + (2 * Second))], Fails: false),
            new Stream([Event("a", "destroy", T0 + (3 * Second))], Fails: false));

        var received = await engine.Source.WatchAsync([], since: null, CancellationToken.None)
            .Take(5).Select(e => $"{e.ContainerId}:{e.Action}").ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["a:start", "b:start", "c:start", "a:die", "a:destroy"], received);
        Assert.Equal([null, "1796119201.000000000", "1796119202.000000000"], engine.Sinces.Take(3));
    }

    [Fact]
    public async Task WatchAsync_StreamBreaksBeforeItsFirstEvent_ReopensFromWhenItWasFirstOpened()
    {
        // It used to reopen "from now": whatever happened during the gap was lost until the next full list.
        var engine = new ScriptedEngine(
            new Stream([], Fails: true),
            new Stream([Event("gap", "start", T0)], Fails: false));
        var before = DateTimeOffset.UtcNow;

        var first = await engine.Source.WatchAsync([], since: null, CancellationToken.None)
            .FirstAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("gap", first.ContainerId);
        Assert.Null(engine.Sinces[0]);
        var reopenedFrom = DateTimeOffset.FromUnixTimeSeconds(long.Parse(engine.Sinces[1]!.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(reopenedFrom, before.AddSeconds(-12), before);
    }

    [Fact]
    public async Task WatchAsync_Since_AsksTheEngineFromThatTime()
    {
        var engine = new ScriptedEngine(new Stream([Event("a", "start", T0)], Fails: false));
        var since = DateTimeOffset.FromUnixTimeMilliseconds(T0 / 1_000_000);

        var first = await engine.Source.WatchAsync([], since, CancellationToken.None).FirstAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("a", first.ContainerId);
        Assert.Equal("1796119200.000000000", engine.Sinces[0]);
    }

    [Fact]
    public async Task WatchAsync_LabelKeys_YieldsOnlyContainersCarryingOne()
    {
        var engine = new ScriptedEngine(new Stream(
        [
            Event("plain", "start", T0),
            Event("legacy", "start", T0 + 1, ("cloudflare.tunnel.enable", "true")),
            Event("web", "start", T0 + 2, ("dockflare.enable", "true")),
        ], Fails: false));

        var received = await engine.Source.WatchAsync(["dockflare.enable", "cloudflare.tunnel.enable"], null, CancellationToken.None)
            .Take(2).Select(e => e.ContainerId).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["legacy", "web"], received);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_EndsWithoutReopening()
    {
        var engine = new ScriptedEngine();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in engine.Source.WatchAsync([], null, cancel.Token))
            {
                Assert.Fail("no event was scripted");
            }
        });

        Assert.Single(engine.Sinces);
    }

    private static Message Event(string id, string action, long timeNano, params (string Key, string Value)[] labels) => new()
    {
        Type = "container",
        Action = action,
        Actor = new Actor { ID = id, Attributes = labels.ToDictionary(l => l.Key, l => l.Value) },
        TimeNano = timeNano,
        Time = timeNano / Second,
    };

    private sealed record Stream(IReadOnlyList<Message> Messages, bool Fails);

    /// <summary>Plays one scripted stream per open; once the script is used up, a stream that stays open.</summary>
    private sealed class ScriptedEngine
    {
        private readonly Queue<Stream> _streams;

        public ScriptedEngine(params Stream[] streams)
        {
            _streams = new Queue<Stream>(streams);
            Source = new DockerEventSource(Open, "unix:///test.sock", TimeProvider.System, NullLogger.Instance);
        }

        public DockerEventSource Source { get; }

        public List<string?> Sinces { get; } = [];

        private async Task Open(ContainerEventsParameters parameters, IProgress<Message> progress, CancellationToken cancellationToken)
        {
            lock (Sinces)
            {
                Sinces.Add(parameters.Since);
            }

            Assert.True(parameters.Filters["type"]["container"]);
            if (!_streams.TryDequeue(out var stream))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            }

            foreach (var message in stream.Messages)
            {
                progress.Report(message);
            }

            if (stream.Fails)
            {
                throw new IOException("connection reset by the engine");
            }
        }
    }
}
