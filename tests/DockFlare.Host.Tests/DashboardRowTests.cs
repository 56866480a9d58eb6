using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Routing;
using DockFlare.Host.Web;

namespace DockFlare.Host.Tests;

/// <summary>The state word the dashboard shows for each route.</summary>
public sealed class DashboardRowTests
{
    private static readonly RouteSpec Route = new(new RouteKey("app.example.com", ""), "http://app:80", ServiceKind.Http, null, "example.com", "main",
        new RouteSource(RouteSourceKind.Container, "c1", "web", "local", null), new AccessIntent("app.example.com", null, AccessMode.None), false);

    [Theory]
    [InlineData(RoutePublication.Active, null, "live")]
    [InlineData(RoutePublication.PendingDeletion, null, "pending deletion")]
    [InlineData(RoutePublication.Blocked, "plan-dns-conflict", "conflict")]
    [InlineData(RoutePublication.Blocked, "plan-access-unconfirmed", "blocked")]
    [InlineData(RoutePublication.Pending, null, "pending")]
    public void StatusText_ByPublicationAndDiagnostics(RoutePublication status, string? code, string expected)
    {
        var diagnostics = code is null ? [] : new[] { new Diagnostic(DiagnosticSeverity.Error, code, null, null, "why") };

        Assert.Equal(expected, DashboardRow.StatusText(new RouteReport(Route, status, null, diagnostics), null));
    }

    [Fact]
    public void StatusText_PendingAndTheLastReconcileFailedOnItsHostname_IsError()
    {
        var report = new RouteReport(Route, RoutePublication.Pending, null, []);
        var failed = Outcome("Could not create the DNS record APP.example.com: 10000 Authentication error");
        var failedElsewhere = Outcome("Could not create the DNS record other.example.com: 10000 Authentication error");

        Assert.Equal("error", DashboardRow.StatusText(report, failed));
        Assert.Equal("pending", DashboardRow.StatusText(report, failedElsewhere));
        Assert.Equal("pending", DashboardRow.StatusText(report, Outcome()));
    }

    private static ReconcileOutcome Outcome(params string[] errors) =>
        new("test", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Plan([], []), 0, errors);

    [Fact]
    public void Source_ContainerOnAnAgentsHost_ShowsTheAgentsName()
    {
        var onAgent = Route with { Source = new RouteSource(RouteSourceKind.Container, "c1", "web", "4f2a-agent-id", null) };
        var names = new Dictionary<string, string> { ["4f2a-agent-id"] = "host-a" };

        var row = DashboardRow.From(new RouteReport(onAgent, RoutePublication.Active, null, []), null, names);
        var unknown = DashboardRow.From(new RouteReport(onAgent, RoutePublication.Active, null, []), null, new Dictionary<string, string>());

        Assert.Equal("host-a / web", row.Source);
        Assert.Equal("4f2a-agent-id", row.ContainerHost);
        Assert.Equal("4f2a-agent-id / web", unknown.Source);
    }
}
