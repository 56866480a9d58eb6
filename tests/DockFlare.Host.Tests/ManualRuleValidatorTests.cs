using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Modules.Access;
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

    private static ManualRuleValidator Validator(
        IEnumerable<ITunnelDirectory> directories, IZoneCatalog zones, IReadOnlyList<RouteReport>? routes = null, params string[] groups)
    {
        var reconciler = Substitute.For<IReconciler>();
        reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport(routes ?? [], [], null, false));
        var accessGroups = Substitute.For<IAccessGroups>();
        accessGroups.ListAsync(Arg.Any<CancellationToken>()).Returns(
            [.. groups.Select(g => new AccessGroupView(new AccessGroupDefinition { Id = g, Decision = "allow" }, false, "DockFlare-AccessGroup-" + g, default!, []))]);
        return new ManualRuleValidator(directories, zones, reconciler, accessGroups);
    }

    private static RouteReport Published(string hostname, RouteSource source, DateTimeOffset? deleteAt = null) =>
        new(new RouteSpec(new RouteKey(hostname, ""), "http://x:80", ServiceKind.Http, null, "example.com", "agent-tunnel", source,
            new AccessIntent(hostname, null, AccessMode.None), deleteAt is not null), deleteAt is null ? RoutePublication.Active : RoutePublication.PendingDeletion, deleteAt, []);

    [Fact]
    public async Task Validate_HostnameAnotherSourcePublishes_RefusedNamingTheSource()
    {
        var (_, agents, zones) = Fakes();
        var container = new RouteSource(RouteSourceKind.Container, "c1", "web", "host-a", null);

        var fromContainer = await Validator([agents], zones, [Published("nas.example.com", container)]).ValidateAsync(Rule, CancellationToken.None);
        var fromRule = await Validator([agents], zones, [Published("nas.example.com", new RouteSource(RouteSourceKind.Manual, "other", "manual:other", null, null))])
            .ValidateAsync(Rule, CancellationToken.None);
        var itself = await Validator([agents], zones, [Published("nas.example.com", new RouteSource(RouteSourceKind.Manual, "nas", "manual:nas", null, null))])
            .ValidateAsync(Rule, CancellationToken.None);

        Assert.Equal(("route_taken", 409), (fromContainer!.Code, fromContainer.Status));
        Assert.Contains("nas.example.com is already published by container 'web' on host 'host-a'", fromContainer.Message, StringComparison.Ordinal);
        Assert.Contains("manual rule 'other'", fromRule!.Message, StringComparison.Ordinal);
        Assert.Null(itself);
    }

    [Fact]
    public async Task Validate_AccessGroupThatDoesNotExist_RefusedNamingTheKnownGroups()
    {
        var (_, agents, zones) = Fakes();
        var withGroup = Rule with { AccessOptions = new Dictionary<string, string> { ["access.group"] = "nosuch" } };

        var missing = await Validator([agents], zones, null, "staff", "admins").ValidateAsync(withGroup, CancellationToken.None);
        var known = await Validator([agents], zones, null, "nosuch").ValidateAsync(withGroup, CancellationToken.None);

        Assert.Equal("invalid_rule", missing!.Code);
        Assert.Contains("the Access group 'nosuch' does not exist (the groups are admins, staff)", missing.Message, StringComparison.Ordinal);
        Assert.Null(known);
    }

    [Fact]
    public async Task Validate_OneDirectoryFailsButAnotherKnowsTheTunnel_AcceptsTheRule()
    {
        var (failing, agents, zones) = Fakes();

        var result = await Validator([failing, agents], zones).ValidateAsync(Rule, CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task Validate_TunnelUnknownWhileADirectoryFails_ReportsTheFailureInsteadOfNotFound()
    {
        var (failing, agents, zones) = Fakes();

        var error = await Assert.ThrowsAsync<ReconcileException>(() =>
            Validator([failing, agents], zones).ValidateAsync(Rule with { Tunnel = "other" }, CancellationToken.None));

        Assert.Equal("Cloudflare is away.", error.Message);
    }
}

/// <summary>The names a rule's options may use, as the form lists them.</summary>
public sealed class ManualRuleOptionNamesTests
{
    [Fact]
    public void AccessOptionNames_EachListedOnce()
    {
        Assert.Equal(ManualRuleLimits.AccessOptionNames.Distinct(StringComparer.Ordinal), ManualRuleLimits.AccessOptionNames);
        Assert.Contains("access.group", ManualRuleLimits.AccessOptionNames);
    }
}
