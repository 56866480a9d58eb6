using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Host.Tests;

/// <summary>The read endpoints, reconcile and adopt, against a real host with fakes for the reconciliation contracts.</summary>
public sealed class ApiEndpointTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetRoutes_Report_ReturnsCamelCaseWithEnumsAsStrings()
    {
        var desired = DesiredFor(new ManualRule("r1", "main", "app.example.com", "http://app:8080"));
        var report = new RoutesReport([new RouteReport(desired.Routes[0], RoutePublication.PendingDeletion, null, [])], [], null, IsSandbox: false);
        _host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(report);

        using var body = await GetJsonAsync("/api/v2/routes");

        var route = body.RootElement.GetProperty("routes")[0];
        Assert.Equal("pendingDeletion", route.GetProperty("status").GetString());
        Assert.Equal("app.example.com", route.GetProperty("route").GetProperty("hostname").GetString());
        Assert.False(body.RootElement.GetProperty("isSandbox").GetBoolean());
    }

    [Fact]
    public async Task GetPlan_Preview_ReturnsDesiredSummaryAndOperationsWithOpDiscriminator()
    {
        var desired = DesiredFor(new ManualRule("r1", "main", "app.example.com", "http://app:8080"));
        var create = new DnsCreateOperation(
            new DnsRecordSpec("example.com", "app.example.com", "abc.cfargotunnel.com", "managed by dockflare"), new PlanCause("new route", ["manual:r1"]));
        _host.Reconciler.PreviewAsync(Arg.Any<CancellationToken>())
            .Returns(new ReconcilePreview(desired, new Plan([create], []), [], DateTimeOffset.UnixEpoch));

        using var body = await GetJsonAsync("/api/v2/plan");

        var operation = Assert.Single(body.RootElement.GetProperty("plan").GetProperty("operations").EnumerateArray());
        Assert.Equal("dns-create", operation.GetProperty("op").GetString());
        Assert.Equal("app.example.com", operation.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal("app.example.com", body.RootElement.GetProperty("desired").GetProperty("routes")[0].GetProperty("hostname").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("desired").GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task GetPlan_CloudflareUnreachable_Returns503WithTheMessageAndNoStackTrace()
    {
        _host.Reconciler.PreviewAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new ReconcileException("Cloudflare answered 503 to GET zones."));

        var response = await _host.Authorized().GetAsync(new Uri("/api/v2/plan", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("cloudflare_unavailable", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("Cloudflare answered 503 to GET zones.", body.RootElement.GetProperty("message").GetString());
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReconcile_Outcome_CallsTheReconcilerWithCauseApiAndReturnsTheOutcome()
    {
        var outcome = new ReconcileOutcome("api", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Plan([], []), 0, ["zone listing failed"]);
        _host.Reconciler.ReconcileAsync("api", Arg.Any<CancellationToken>()).Returns(outcome);

        var response = await _host.Authorized().PostAsync(new Uri("/api/v2/reconcile", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("api", body.RootElement.GetProperty("cause").GetString());
        Assert.False(body.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("zone listing failed", body.RootElement.GetProperty("errors")[0].GetString());
        await _host.Reconciler.Received(1).ReconcileAsync("api", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetChanges_NoQuery_ReturnsNewestHundredWithNextCursor()
    {
        var store = _host.Services.GetRequiredService<IStateStore>();
        for (var i = 0; i < 105; i++)
        {
            await store.AppendChangeAsync(new ChangeLogDraft(DateTimeOffset.UnixEpoch, "dns-create", $"host{i}.example.com", "test", null, "after"));
        }

        using var first = await GetJsonAsync("/api/v2/changes");
        var next = first.RootElement.GetProperty("next").GetInt64();
        using var second = await GetJsonAsync($"/api/v2/changes?before={next}&limit=10");

        Assert.Equal(100, first.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(105, first.RootElement.GetProperty("entries")[0].GetProperty("sequence").GetInt64());
        Assert.Equal(6, next);
        Assert.Equal([5L, 4, 3, 2, 1], second.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "'limit' must be a whole number from 1 to 1000, not '0'.")]
    [InlineData("limit=1001", "'limit' must be a whole number from 1 to 1000, not '1001'.")]
    [InlineData("before=abc", "'before' must be a whole number of at least 1, not 'abc'.")]
    [InlineData("before=-3", "'before' must be a whole number of at least 1, not '-3'.")]
    public async Task GetChanges_BadQuery_Returns400NamingTheParameter(string query, string message)
    {
        var response = await _host.Authorized().GetAsync(new Uri("/api/v2/changes?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_query", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostAdopt_HostnameAndPath_CallsAdoptAndReturnsTheAdoptedObjects()
    {
        _host.Reconciler.AdoptAsync("app.example.com", "/api", "api", Arg.Any<CancellationToken>())
            .Returns(["DNS record app.example.com"]);

        var response = await _host.Authorized().PostAsJsonAsync(
            new Uri("/api/v2/adopt", UriKind.Relative), new { hostname = "app.example.com", path = "/api" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("DNS record app.example.com", body.RootElement.GetProperty("adopted")[0].GetString());
    }

    [Fact]
    public async Task PostAdopt_NoDesiredRoute_Returns422WithTheReconcilerMessage()
    {
        _host.Reconciler.AdoptAsync("gone.example.com", null, "api", Arg.Any<CancellationToken>())
            .ThrowsAsync(new ReconcileException("No desired route has the hostname gone.example.com."));

        var response = await _host.Authorized().PostAsJsonAsync(new Uri("/api/v2/adopt", UriKind.Relative), new { hostname = "gone.example.com" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("adopt_failed", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("No desired route has the hostname gone.example.com.", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostAdopt_NoHostname_Returns400NamingTheField()
    {
        var response = await _host.Authorized().PostAsJsonAsync(new Uri("/api/v2/adopt", UriKind.Relative), new { path = "/x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'hostname' is required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await _host.Reconciler.DidNotReceiveWithAnyArgs().AdoptAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task PostAdopt_MalformedJson_Returns400NamingTheProblem()
    {
        using var content = new StringContent("{ \"hostname\": ", Encoding.UTF8, "application/json");

        var response = await _host.Authorized().PostAsync(new Uri("/api/v2/adopt", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_json", body.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("The request body is not valid JSON:", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownApiPathWithKey_Returns404Json()
    {
        var response = await _host.Authorized().GetAsync(new Uri("/api/v2/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_found", body.RootElement.GetProperty("error").GetString());
    }

    private static DesiredState DesiredFor(ManualRule rule) =>
        DesiredStateEngine.Compute(new EngineInput([], [rule], new EngineSettings { Zones = ["example.com"] }));

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        var response = await _host.Authorized().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
