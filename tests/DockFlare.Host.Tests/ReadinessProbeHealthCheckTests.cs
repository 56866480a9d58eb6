using DockFlare.Host.Health;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NSubstitute;

namespace DockFlare.Host.Tests;

public sealed class ReadinessProbeHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_ProbeNeverAnswers_ReportsTheProbeByName()
    {
        var probe = Substitute.For<IReadinessProbe>();
        probe.Name.Returns("cloudflare");
        probe.CheckAsync(Arg.Any<CancellationToken>()).Returns(new TaskCompletionSource<ReadinessResult>().Task);

        var result = await new ReadinessProbeHealthCheck(probe).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"the cloudflare probe did not answer within {ReadinessProbeHealthCheck.TimeLimit.TotalSeconds:F0} s", result.Description);
    }

    [Fact]
    public async Task CheckHealth_ProbeThrows_ReportsInsteadOfFailing()
    {
        var probe = Substitute.For<IReadinessProbe>();
        probe.Name.Returns("docker");
        probe.CheckAsync(Arg.Any<CancellationToken>()).Returns<Task<ReadinessResult>>(_ => throw new InvalidOperationException("boom"));

        var result = await new ReadinessProbeHealthCheck(probe).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("the docker probe failed: boom", result.Description);
    }

    [Theory]
    [InlineData(ReadinessStatus.Ready, HealthStatus.Healthy)]
    [InlineData(ReadinessStatus.Degraded, HealthStatus.Degraded)]
    [InlineData(ReadinessStatus.Unavailable, HealthStatus.Unhealthy)]
    public async Task CheckHealth_ProbeAnswers_MapsItsStatus(ReadinessStatus status, HealthStatus expected)
    {
        var probe = Substitute.For<IReadinessProbe>();
        probe.CheckAsync(Arg.Any<CancellationToken>()).Returns(new ReadinessResult(status, "detail"));

        var result = await new ReadinessProbeHealthCheck(probe).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        Assert.Equal("detail", result.Description);
    }
}
