using DockFlare.Testing;

namespace DockFlare.Modules.Reconciliation.Tests;

public sealed class ReconciliationOptionsTests
{
    [Fact]
    public void Bind_Nothing_UsesTheDocumentedDefaults()
    {
        var (options, problems) = Settings.Bind<ReconciliationOptions>();

        Assert.Empty(problems);
        Assert.Equal(600, options.GracePeriodSeconds);
        Assert.Equal(300, options.ReconcileIntervalSeconds);
        Assert.Equal(60, options.DockerRescanSeconds);
        Assert.True(options.DockerSourceEnabled);
    }

    [Theory]
    [InlineData("GRACE_PERIOD_SECONDS", "-1", "GRACE_PERIOD_SECONDS must be between 0 and 2592000.")]
    [InlineData("RECONCILE_INTERVAL_SECONDS", "10", "RECONCILE_INTERVAL_SECONDS must be between 60 and 86400.")]
    [InlineData("DOCKER_RESCAN_SECONDS", "1", "DOCKER_RESCAN_SECONDS must be between 5 and 3600.")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<ReconciliationOptions>((key, value));

        Assert.Equal([expected], problems);
    }

    [Theory]
    [InlineData(300, "*/5 * * * *")]
    [InlineData(90, "*/2 * * * *")]
    [InlineData(7200, "0 */2 * * *")]
    public void ReconcileJob_Interval_BecomesCron(int seconds, string cron)
    {
        var job = new ReconcileJob(NSubstitute.Substitute.For<Core.Reconciliation.IReconciler>(), new ReconciliationOptions { ReconcileIntervalSeconds = seconds });

        Assert.Equal(cron, job.Cron);
        Assert.Equal("reconcile", job.Id);
    }
}
