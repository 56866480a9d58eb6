using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Routing;
using DockFlare.Core.State;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>Access groups through the API, stored in the host's real state store; the routes that use them come from a fake reconciler.</summary>
public sealed class AccessGroupsEndpointTests : IAsyncLifetime
{
    private static readonly Uri Groups = new("/api/v2/access-groups", UriKind.Relative);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        _host.Authorized();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ValidGroupWithTwoIncludeRules_StoresBothAndRequestsAReconcile()
    {
        var response = await _host.Client.PostAsJsonAsync(Groups, Team());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v2/access-groups/team", response.Headers.Location?.OriginalString);
        var stored = await StoredAsync();
        var group = Assert.Single(stored.RootElement.EnumerateArray());
        Assert.Equal(2, group.GetProperty("include").GetArrayLength());
        Assert.Equal("b.example.com", group.GetProperty("include")[1].GetProperty("email_domain").GetProperty("domain").GetString());
        _host.Trigger.Received(1).Request("access group team created by api");
    }

    [Fact]
    public async Task GetList_SystemGroupsFirstReadOnlyThenStoredOnes()
    {
        await CreateAsync();

        using var list = JsonDocument.Parse(await _host.Client.GetStringAsync(Groups));

        var groups = list.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["public-default-bypass", "authenticated-default", "team"], groups.Select(g => g.GetProperty("group").GetProperty("id").GetString()));
        Assert.Equal([true, true, false], groups.Select(g => g.GetProperty("isSystem").GetBoolean()));
        Assert.Equal("DockFlare-AccessGroup-team", groups[2].GetProperty("policyName").GetString());
        Assert.Equal("unknown", groups[2].GetProperty("sync").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Post_BadRules_Returns400NamingGroupListAndRuleAndStoresNothing()
    {
        var response = await _host.Client.PostAsJsonAsync(Groups, new
        {
            id = "team",
            decision = "allow",
            include = new object[] { new { email = new { email = "a@b.com" } }, new { email = new { email = "not-an-address" } } },
            exclude = new object[] { new { emial = new { email = "x@y.com" } } },
        });

        var body = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_group");
        var details = body.GetProperty("details").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Equal(2, details.Count);
        Assert.StartsWith("Access group 'team', include rule 2 ({\"email\":{\"email\":\"not-an-address\"}}): 'not-an-address' is not an e-mail address", details[0], StringComparison.Ordinal);
        Assert.StartsWith("Access group 'team', exclude rule 1 ({\"emial\"", details[1], StringComparison.Ordinal);
        Assert.Contains("'emial' is not a Cloudflare Access rule type", details[1], StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<IStateStore>().GetSettingAsync("access.groups"));
        _host.Trigger.DidNotReceiveWithAnyArgs().Request(default!);
    }

    [Fact]
    public async Task Post_AllowGroupOfOnlyEveryone_Returns400SayingToUseBypass()
    {
        var response = await _host.Client.PostAsJsonAsync(Groups, new { id = "open", decision = "allow", include = new object[] { new { everyone = new { } } } });

        var body = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_group");
        Assert.Contains("Use decision bypass for a public group", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPutDelete_SystemId_Return403AndChangeNothing()
    {
        var post = await _host.Client.PostAsJsonAsync(Groups, Team() with { id = "public-default-bypass" });
        var put = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/access-groups/authenticated-default", UriKind.Relative), Team() with { id = "authenticated-default" });
        var delete = await _host.Client.DeleteAsync(new Uri("/api/v2/access-groups/public-default-bypass", UriKind.Relative));

        await AssertErrorAsync(post, HttpStatusCode.Forbidden, "system_group");
        await AssertErrorAsync(put, HttpStatusCode.Forbidden, "system_group");
        await AssertErrorAsync(delete, HttpStatusCode.Forbidden, "system_group");
        Assert.Null(await _host.Services.GetRequiredService<IStateStore>().GetSettingAsync("access.groups"));
    }

    [Fact]
    public async Task Post_ExistingId_Returns409AndKeepsTheFirst()
    {
        await CreateAsync();

        var response = await _host.Client.PostAsJsonAsync(Groups, Team() with { name = "second" });

        await AssertErrorAsync(response, HttpStatusCode.Conflict, "group_exists");
        Assert.Equal("Team", (await StoredAsync()).RootElement[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_UnknownField_Returns400InvalidJson()
    {
        using var content = new StringContent("""{"id":"team","decision":"allow","sessionDuration":"1h"}""", Encoding.UTF8, "application/json");

        var body = await AssertErrorAsync(await _host.Client.PostAsync(Groups, content), HttpStatusCode.BadRequest, "invalid_json");

        Assert.Contains("sessionDuration", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var rules = Enumerable.Range(0, 3000).Select(i => new { email = new { email = $"user{i}@example.com" } }).ToArray();

        var response = await _host.Client.PostAsJsonAsync(Groups, new { id = "big", decision = "allow", include = rules });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_TooManyRules_Returns400NamingTheLimit()
    {
        var rules = Enumerable.Range(0, 101).Select(i => new { email = new { email = $"u{i}@e.io" } }).ToArray();

        var response = await _host.Client.PostAsJsonAsync(Groups, new { id = "many", decision = "allow", include = rules });

        var body = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_group");
        Assert.Contains("include has 101 rules, more than the limit of 100", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPut_ExistingGroup_ReplacesItAndRequestsAReconcile()
    {
        await CreateAsync();

        var put = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/access-groups/team", UriKind.Relative),
            new { decision = "allow", include = new object[] { new { email_domain = new { domain = "c.example.com" } } }, session_duration = "8h" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var one = JsonDocument.Parse(await _host.Client.GetStringAsync(new Uri("/api/v2/access-groups/team", UriKind.Relative)));
        var group = one.RootElement.GetProperty("group");
        Assert.Equal("8h", group.GetProperty("session_duration").GetString());
        Assert.Equal(1, group.GetProperty("include").GetArrayLength());
        _host.Trigger.Received(1).Request("access group team updated by api");
    }

    [Fact]
    public async Task Put_IdMismatchOrUnknown_Return400And404()
    {
        await CreateAsync();

        var mismatch = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/access-groups/team", UriKind.Relative), Team() with { id = "other" });
        var unknown = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/access-groups/nope", UriKind.Relative), Team() with { id = "nope" });
        var get = await _host.Client.GetAsync(new Uri("/api/v2/access-groups/nope", UriKind.Relative));

        await AssertErrorAsync(mismatch, HttpStatusCode.BadRequest, "id_mismatch");
        await AssertErrorAsync(unknown, HttpStatusCode.NotFound, "group_not_found");
        await AssertErrorAsync(get, HttpStatusCode.NotFound, "group_not_found");
    }

    [Fact]
    public async Task Delete_GroupNamedByARoute_Returns409NamingTheRouteAndKeepsIt()
    {
        await CreateAsync();
        var route = new RouteSpec(new RouteKey("app.example.com", ""), "http://app:80", ServiceKind.Http, null, "example.com", "main",
            new RouteSource(RouteSourceKind.Container, "c1", "web", "local", null),
            new AccessIntent("app.example.com", null, AccessMode.Groups) { Groups = ["team"] }, false);
        _host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([new RouteReport(route, RoutePublication.Active, null, [])], [], null, false));

        var response = await _host.Client.DeleteAsync(new Uri("/api/v2/access-groups/team", UriKind.Relative));

        var body = await AssertErrorAsync(response, HttpStatusCode.Conflict, "group_in_use");
        Assert.Contains("app.example.com (container 'web' on host 'local')", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single((await StoredAsync()).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Delete_UnusedGroup_DeletesItAndRequestsAReconcile()
    {
        await CreateAsync();

        var response = await _host.Client.DeleteAsync(new Uri("/api/v2/access-groups/team", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await StoredAsync()).RootElement.EnumerateArray());
        _host.Trigger.Received(1).Request("access group team deleted by api");
    }

    [Fact]
    public async Task Post_ManyInParallel_NoneIsLost()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _host.Client.PostAsJsonAsync(Groups, Team() with { id = $"g{i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(12, (await StoredAsync()).RootElement.GetArrayLength());
    }

    private static TeamRequest Team() => new("team", "Team", "allow",
        [new { email = new { email = "a@b.com" } }, new { email_domain = new { domain = "b.example.com" } }]);

    private async Task CreateAsync()
    {
        var response = await _host.Client.PostAsJsonAsync(Groups, Team());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<JsonDocument> StoredAsync()
    {
        var setting = await _host.Services.GetRequiredService<IStateStore>().GetSettingAsync("access.groups");
        Assert.NotNull(setting);
        return JsonDocument.Parse(setting.Value);
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body;
    }

    // Lower-case members: the API's JSON names of a group.
#pragma warning disable IDE1006
    private sealed record TeamRequest(string id, string name, string decision, object[] include);
#pragma warning restore IDE1006
}
