using System.Collections.Concurrent;
using Autofac;
using DockFlare.Core.Jobs;
using DockFlare.Testing;
using Hangfire;
using StackExchange.Redis;

namespace DockFlare.IntegrationTests;

/// <summary>The master's Hangfire wiring on the real Redis: module jobs are scheduled, run, and never overlap.</summary>
public sealed class HangfireRedisTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RecurringJob_DeclaredByAModule_IsScheduledInRedisAndRuns()
    {
        await using var redis = await TestRedis.ConnectAndFlushAsync(TestRedis.HangfireDatabase);
        var job = new ProbeJob("probe-job", TimeSpan.Zero);
        await using var host = await StartAsync(job);

        // Scheduled under the stable id, in Redis, under the dockflare: prefix.
        Assert.Equal(["probe-job"], await ScheduledAsync(redis, "probe-job"));
        Assert.True(await redis.GetDatabase().KeyExistsAsync("dockflare:recurring-job:probe-job"));

        host.Services.GetRequiredService<IRecurringJobManager>().Trigger("probe-job");
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task RecurringJob_TriggeredTwiceWhileRunning_NeverRunsTwiceAtOnce()
    {
        await using var redis = await TestRedis.ConnectAndFlushAsync(TestRedis.HangfireDatabase + 10);
        var job = new ProbeJob("slow-job", TimeSpan.FromSeconds(1), expectedRuns: 2);
        await using var host = await StartAsync(job, TestRedis.HangfireDatabase + 10);
        Assert.Equal(["slow-job"], await ScheduledAsync(redis, "slow-job"));

        var manager = host.Services.GetRequiredService<IRecurringJobManager>();
        manager.Trigger("slow-job");
        manager.Trigger("slow-job");
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, job.Runs);
        Assert.Equal(1, job.MaxConcurrent);
    }

    [Fact]
    public async Task Start_ScheduleNoModuleDeclares_IsRemoved()
    {
        await using var redis = await TestRedis.ConnectAndFlushAsync(TestRedis.HangfireDatabase + 11);
        await using (await StartAsync(new ProbeJob("old-job", TimeSpan.Zero), TestRedis.HangfireDatabase + 11))
        {
            Assert.Equal(["old-job"], await ScheduledAsync(redis, "old-job"));
        }

        await using (await StartAsync(new ProbeJob("new-job", TimeSpan.Zero), TestRedis.HangfireDatabase + 11))
        {
            Assert.Equal(["new-job"], await ScheduledAsync(redis, "new-job"));
        }
    }

    // The jobs the master's own modules declare are always scheduled beside the probes.
    private static readonly string[] FirstPartyJobs = ["agents-expire-commands", "agents-finish-removals", "agents-liveness", "grace-expiry", "reconcile"];

    [Fact]
    public async Task Start_FirstPartyModules_ScheduleReconcileAndGraceExpiry()
    {
        await using var redis = await TestRedis.ConnectAndFlushAsync(TestRedis.HangfireDatabase + 12);
        await using var host = await StartAsync(new ProbeJob("probe-job", TimeSpan.Zero), TestRedis.HangfireDatabase + 12);
        await ScheduledAsync(redis, "probe-job");

        // The modules' schedules are written one by one after the probe's: wait for all of them, not the first.
        var members = await AllScheduledAsync(redis, FirstPartyJobs);

        Assert.Contains("reconcile", members);
        Assert.Contains("grace-expiry", members);
        Assert.Subset(members.ToHashSet(StringComparer.Ordinal), FirstPartyJobs.ToHashSet(StringComparer.Ordinal));
    }

    // Every schedule in Redis once all of expected are there, or what is there at the deadline.
    private static async Task<IReadOnlyList<string>> AllScheduledAsync(ConnectionMultiplexer redis, IReadOnlyCollection<string> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string> members;
        do
        {
            members = (await redis.GetDatabase().SortedSetRangeByRankAsync("dockflare:recurring-jobs")).Select(m => m.ToString()).ToList();
            if (expected.All(members.Contains))
            {
                return members;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return members;
    }

    // Scheduling runs in the background once storage answers; wait for the expected schedules rather
    // than racing it (returns what is there at the deadline, for the assertion to show).
    private static async Task<string[]> ScheduledAsync(ConnectionMultiplexer redis, params string[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string[] ids;
        do
        {
            var members = await redis.GetDatabase().SortedSetRangeByRankAsync("dockflare:recurring-jobs");
            ids = members.Select(m => m.ToString()).Except(FirstPartyJobs).Order(StringComparer.Ordinal).ToArray();
            if (ids.SequenceEqual(expected))
            {
                return ids;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return ids;
    }

    private Task<HostUnderTest> StartAsync(ProbeJob job, int database = TestRedis.HangfireDatabase)
    {
        var data = _data.Path;
        return HostUnderTest.StartAsync(
            [
                ("REDIS_URL", TestInfrastructure.RedisUrl),
                ("REDIS_DB_INDEX", database.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("DATA_DIR", data),
                ("LOG_LEVEL", "WARNING"),
            ],
            container => container.RegisterInstance(job).As<IRecurringJob>());
    }

    /// <summary>A job that records how often, and how concurrently, it ran.</summary>
    private sealed class ProbeJob(string id, TimeSpan duration, int expectedRuns = 1) : IRecurringJob
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<int> _concurrency = new();
        private int _running;
        private int _runs;

        public string Id => id;

        public string Cron => Hangfire.Cron.Never();

        public int Runs => _runs;

        public int MaxConcurrent => _concurrency.DefaultIfEmpty(0).Max();

        public Task Finished => _finished.Task;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            _concurrency.Enqueue(Interlocked.Increment(ref _running));
            await Task.Delay(duration, cancellationToken);
            Interlocked.Decrement(ref _running);
            if (Interlocked.Increment(ref _runs) >= expectedRuns)
            {
                _finished.TrySetResult();
            }
        }
    }
}
