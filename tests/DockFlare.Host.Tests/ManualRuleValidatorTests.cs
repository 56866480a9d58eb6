using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using DockFlare.Host.Api;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Host.Tests;

public sealed class ManualRuleValidatorTests
{
    private static readonly ManualRule Rule = new("nas", "agent-tunnel", "nas.example.com", "http://192.0.2.30:5000");

    private static (ITunnelDirectory Failing, ITunnelDirectory Agents, IZoneCatalog Zones) Fakes()
    {
        var failing = Substitute.For<ITunnelDirectory>();
        failing.ListAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new ReconcileException("Cloudflare is away."));
        var agents = Substitute.For<ITunnelDirectory>();
        agents.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownTunnel("agent-tunnel", "3b1f0e55-0000-4000-8000-000000000001", "agent-1")]);
        var zones = Substitute.For<IZoneCatalog>();
        zones.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownZone("z1", "example.com")]);
        return (failing, agents, zones);
    }

    [Fact]
    public async Task Validate_OneDirectoryFailsButAnotherKnowsTheTunnel_AcceptsTheRule()
    {
        var (failing, agents, zones) = Fakes();

        var result = await new ManualRuleValidator([failing, agents], zones).ValidateAsync(Rule, CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task Validate_TunnelUnknownWhileADirectoryFails_ReportsTheFailureInsteadOfNotFound()
    {
        var (failing, agents, zones) = Fakes();

        var error = await Assert.ThrowsAsync<ReconcileException>(() =>
            new ManualRuleValidator([failing, agents], zones).ValidateAsync(Rule with { Tunnel = "other" }, CancellationToken.None));

        Assert.Equal("Cloudflare is away.", error.Message);
    }
}
