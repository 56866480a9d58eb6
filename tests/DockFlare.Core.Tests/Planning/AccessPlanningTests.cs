using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using static DockFlare.Core.Tests.Planning.PlanScenario;

namespace DockFlare.Core.Tests.Planning;

public sealed class AccessPlanningTests
{
    private static readonly OwnershipRecord[] OwnsSecret =
    [
        OwnershipRecord.ForIngressRule("tunnel-a", new("secret.example.com", ""), "master/secret"),
        OwnershipRecord.ForAccessApplication("secret.example.com", "app-1"),
    ];

    private static ObservedState LiveSecret(params ObservedAccessApp[] apps) =>
        Observed(tunnelA: [Rule("secret.example.com", "http://secret:80"), IngressRule.CatchAll], dns: [Cname("r1", "secret.example.com", "tunnel-a")], apps: apps);

    private static ContainerInput Secret(params string[] access) => Web("secret", "secret.example.com", "http://secret:80", "master", access);

    [Fact]
    public void Create_ProtectedRoute_AccessCreatedBeforeIngressAndDns()
    {
        var plan = Plan(Desired(Secret("dockflare.access.group=admins")));

        Assert.Collection(plan.Operations,
            op => Assert.Equal("secret.example.com", Assert.IsType<AccessCreateOperation>(op).After.Domain),
            op => Assert.IsType<IngressPutOperation>(op),
            op => Assert.IsType<DnsCreateOperation>(op));
        Assert.Equal(["admins"], plan.Single<AccessCreateOperation>().After.Groups);
    }

    [Fact]
    public void Create_OwnedAppMatches_NoOperation()
    {
        var desired = Desired(Secret("dockflare.access.group=admins"));
        var app = new ObservedAccessApp("app-1", "secret.example.com", "DockFlare-secret.example.com") { AppliedIntent = desired.Access[0] };

        Assert.True(Plan(desired, LiveSecret(app), OwnsSecret).IsEmpty);
    }

    [Fact]
    public void Create_OwnedAppDiffers_UpdatedWithBeforeAndAfter()
    {
        var desired = Desired(Secret("dockflare.access.group=admins"));
        var app = new ObservedAccessApp("app-1", "secret.example.com", "n") { AppliedIntent = desired.Access[0] with { Groups = ["everyone"] } };

        var update = Plan(desired, LiveSecret(app), OwnsSecret).Single<AccessUpdateOperation>();

        Assert.Equal(app, update.Before);
        Assert.Equal(["admins"], update.After.Groups);
    }

    [Fact]
    public void Create_OwnedAppIntentUnknown_UpdatedToRepairDrift()
    {
        var app = new ObservedAccessApp("app-1", "secret.example.com", "n");

        var plan = Plan(Desired(Secret("dockflare.access.group=admins")), LiveSecret(app), OwnsSecret);

        Assert.Equal("app-1", plan.Single<AccessUpdateOperation>().Before.Id);
    }

    [Fact]
    public void Create_ForeignAppOnDomain_RouteBlockedNothingWritten()
    {
        var foreign = new ObservedAccessApp("x-1", "Secret.example.com/", "Someone's app");

        var plan = Plan(Desired(Secret("dockflare.access.group=admins")), Observed(apps: [foreign]));

        Assert.Empty(plan.Operations);
        Assert.Contains("x-1", Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.AccessConflict).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GroupMissing_RouteNotPublished()
    {
        var input = Input(Desired(Secret("dockflare.access.group=admins"))) with { AvailableAccessGroups = new HashSet<string> { "others" } };

        var plan = ReconciliationPlanner.Create(input);

        Assert.Empty(plan.Operations);
        Assert.Contains("'admins'", Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.AccessUnresolved).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GroupMissingForPublishedRoute_OwnedObjectsHeld()
    {
        var input = Input(Desired(Secret("dockflare.access.group=admins")), LiveSecret(new ObservedAccessApp("app-1", "secret.example.com", "n")), OwnsSecret)
            with { AvailableAccessGroups = new HashSet<string>() };

        var plan = ReconciliationPlanner.Create(input);

        Assert.Empty(plan.Operations);
    }

    [Fact]
    public void Create_AccessLabelsRemoved_DeletesOnlyOurAppLast()
    {
        var ours = new ObservedAccessApp("app-1", "secret.example.com", "ours");
        var foreign = new ObservedAccessApp("x-1", "other.example.com", "theirs");

        var plan = Plan(Desired(Secret()), LiveSecret(ours, foreign), OwnsSecret);

        var delete = Assert.IsType<AccessDeleteOperation>(Assert.Single(plan.Operations));
        Assert.Equal("app-1", delete.Before.Id);
        Assert.Contains("Access labels", delete.Cause.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RouteRemoved_IngressThenDnsThenAccessDeleted()
    {
        var plan = Plan(Desired(), LiveSecret(new ObservedAccessApp("app-1", "secret.example.com", "ours")), OwnsSecret);

        Assert.Collection(plan.Operations,
            op => Assert.Equal([IngressRule.CatchAll], Assert.IsType<IngressPutOperation>(op).Rules),
            op => Assert.Equal("r1", Assert.IsType<DnsDeleteOperation>(op).Before.Id),
            op => Assert.Equal("app-1", Assert.IsType<AccessDeleteOperation>(op).Before.Id));
    }

    [Fact]
    public void Create_TwoRoutesOneDomainDifferentIntents_BothBlocked()
    {
        // The engine never emits this (a regex path cannot carry Access), so build it by hand: two routes, one Access domain.
        var engine = Desired(Secret("dockflare.access.group=admins"), Web("other", "secret.example.com", "http://o:80", "master", "dockflare.path=/x"));
        var desired = engine with
        {
            Routes = [.. engine.Routes.Select(r => r.Key.Path.Length == 0 ? r : r with { Access = r.Access with { Path = null, Mode = AccessMode.Groups, Groups = ["ops"] } })],
        };
        Assert.Equal(2, desired.Routes.Count(r => r.Access.Mode == AccessMode.Groups && r.Access.Domain == "secret.example.com"));

        var plan = Plan(desired);

        Assert.Empty(plan.Operations);
        Assert.Equal(2, plan.Diagnostics.Count(d => d.Code == PlanDiagnosticCodes.AccessAmbiguous));
    }

    [Fact]
    public void Create_ZoneDefaultMode_NoAppOfOurs()
    {
        var plan = Plan(Desired(Secret("dockflare.access.policy=default_tld")));

        Assert.Empty(plan.Operations.OfType<AccessCreateOperation>());
        Assert.Single(plan.Operations.OfType<IngressPutOperation>());
    }

    [Fact]
    public void Create_ManualRuleAccessBecomesInvalid_PublishedRuleHeld()
    {
        var rule = new ManualRule("nas", "tunnel-b", "nas.example.com", "http://192.0.2.30:5000");
        var live = Converge(Input(Desired([], [rule with { AccessOptions = new Dictionary<string, string> { ["access.group"] = "admins" } }])), out var first);
        Assert.Single(first.Operations.OfType<AccessCreateOperation>());

        var plan = ReconciliationPlanner.Create(live with { Desired = Desired([], [rule with { AccessOptions = new Dictionary<string, string> { ["access.policy"] = "weird" } }]) });

        Assert.True(plan.IsEmpty);
        var held = Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.Held);
        Assert.Equal("manual:nas", held.Source);
        Assert.Null(held.Host);
    }
}
