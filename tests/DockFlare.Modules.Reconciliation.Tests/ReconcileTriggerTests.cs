using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Modules.Reconciliation.Tests;

public sealed class ReconcileTriggerTests
{
    private static (ReconcileTrigger Trigger, IReconciler Reconciler, List<string> Causes) Create(LocalSourceReadiness readiness)
    {
        var causes = new List<string>();
        var reconciler = Substitute.For<IReconciler>();
        reconciler.ReconcileAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            lock (causes)
            {
                causes.Add(call.Arg<string>());
            }

            return new ReconcileOutcome(call.Arg<string>(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Plan([], []), 0, []);
        });
        var trigger = new ReconcileTrigger(reconciler, readiness, new ReconciliationOptions { DebounceMilliseconds = 300 }, TimeProvider.System, NullLogger<ReconcileTrigger>.Instance);
        return (trigger, reconciler, causes);
    }

    private static async Task WaitForAsync(List<string> causes, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            lock (causes)
            {
                if (causes.Count >= count)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {count} reconcile(s), saw {causes.Count}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Request_FiftyAtOnce_CoalesceIntoOneReconcile()
    {
        var readiness = new LocalSourceReadiness();
        var (trigger, reconciler, causes) = Create(readiness);
        await trigger.StartAsync(CancellationToken.None);
        for (var i = 0; i < 50; i++)
        {
            trigger.Request($"docker start app{i}");
        }

        readiness.MarkReady();
        await WaitForAsync(causes, 1);
        await Task.Delay(700);
        await trigger.StopAsync(CancellationToken.None);

        var cause = Assert.Single(causes);
        Assert.EndsWith("and 48 more", cause, StringComparison.Ordinal); // 50 starts and the start-up request, in one run
    }

    [Fact]
    public async Task Start_WaitsForTheFirstDockerScanBeforeTheStartupReconcile()
    {
        var readiness = new LocalSourceReadiness();
        var (trigger, _, causes) = Create(readiness);
        await trigger.StartAsync(CancellationToken.None);

        await Task.Delay(600);
        lock (causes)
        {
            Assert.Empty(causes);
        }

        readiness.MarkReady();
        await WaitForAsync(causes, 1);
        await trigger.StopAsync(CancellationToken.None);
        Assert.Equal("start-up", Assert.Single(causes));
    }

    [Fact]
    public async Task Request_WhileAReconcileRuns_GivesExactlyOneMoreRun()
    {
        var readiness = new LocalSourceReadiness();
        readiness.MarkReady();
        var (trigger, _, causes) = Create(readiness);
        await trigger.StartAsync(CancellationToken.None);
        await WaitForAsync(causes, 1);

        trigger.Request("manual rule nas");
        trigger.Request("docker start web");
        await WaitForAsync(causes, 2);
        await Task.Delay(700);
        await trigger.StopAsync(CancellationToken.None);

        Assert.Equal(2, causes.Count);
        Assert.Equal("docker start web, manual rule nas", causes[1]);
    }
}
