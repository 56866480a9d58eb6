using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Health;
using DockFlare.Agent.Master;
using DockFlare.Agent.State;
using DockFlare.Agent.Tests.Support;
using DockFlare.Agent.Tunnel;
using DockFlare.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace DockFlare.Agent.Tests.Health;

public sealed class HealthEvaluatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ICloudflaredController _controller = Substitute.For<ICloudflaredController>();
    private readonly MasterConnection _connection;
    private readonly AgentStateStore _state;
    private readonly TunnelSupervisor _tunnel;
    private readonly HealthEvaluator _evaluator;

    public HealthEvaluatorTests()
    {
        _connection = new MasterConnection(_clock, NullLogger<MasterConnection>.Instance);
        _state = new AgentStateStore(new AgentStateFile(_dir.Path, _clock, NullLogger<AgentStateFile>.Instance), NullLogger<AgentStateStore>.Instance);
        var (settings, _) = Settings.Bind<AgentSettings>(("DOCKFLARE_MASTER_URL", "https://m.example.com"), ("DOCKFLARE_API_KEY", "k"));
        _tunnel = new TunnelSupervisor(_controller, _state, settings, NullLogger<TunnelSupervisor>.Instance);
        _evaluator = new HealthEvaluator(_connection, _tunnel, _state, new AgentTimings(), _clock);
    }

    public void Dispose()
    {
        _tunnel.Dispose();
        _connection.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Evaluate_FreshAgentWithoutTunnel_IsHealthyDuringTheFirstMinutes()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));

        var report = _evaluator.Evaluate();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Null(report.SecondsSinceMasterContact);
        Assert.False(report.MasterReachable);
        Assert.Equal(200, report.HttpStatus);
    }

    [Fact]
    public async Task Evaluate_RecentContactAndCloudflaredRunning_IsHealthy()
    {
        await RunTunnelAsync(CloudflaredReport.Running, null);
        _connection.RecordContact();
        _clock.Advance(TimeSpan.FromSeconds(119));

        var report = _evaluator.Evaluate();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(119, report.SecondsSinceMasterContact);
        Assert.Equal("running", report.Cloudflared.State);
    }

    [Fact]
    public async Task Evaluate_MasterFineButCloudflaredNotRunning_IsDegraded()
    {
        await RunTunnelAsync(CloudflaredReport.DockerUnavailable, "Docker does not answer");
        _connection.RecordContact();

        var report = _evaluator.Evaluate();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("Docker does not answer", report.Cloudflared.Error);
        Assert.Equal(200, report.HttpStatus);
    }

    [Theory]
    [InlineData(121, HealthStatus.Degraded, 200)]
    [InlineData(299, HealthStatus.Degraded, 200)]
    [InlineData(301, HealthStatus.Unhealthy, 503)]
    public async Task Evaluate_ByTimeSinceMasterContact(int seconds, string status, int http)
    {
        await RunTunnelAsync(CloudflaredReport.Running, null);
        _connection.RecordContact();
        _clock.Advance(TimeSpan.FromSeconds(seconds));

        var report = _evaluator.Evaluate();

        Assert.Equal(status, report.Status);
        Assert.Equal(http, report.HttpStatus);
    }

    [Fact]
    public void Evaluate_KeyRejected_IsUnhealthyAtOnce()
    {
        _connection.RecordContact();
        _connection.MarkKeyRejected();

        var report = _evaluator.Evaluate();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.True(report.KeyRejected);
        Assert.Equal(503, report.HttpStatus);
    }

    private async Task RunTunnelAsync(string state, string? error)
    {
        _controller.EnsureAsync(Arg.Any<CloudflaredDesired>(), Arg.Any<CancellationToken>())
            .Returns(new CloudflaredReport(state, "cloudflared-agent-x", "c1", "cloudflare/cloudflared:latest", "tid", error));
        await _tunnel.StartAsync(new TunnelAssignment("tid", "tname", "token"), CancellationToken.None);
    }
}
