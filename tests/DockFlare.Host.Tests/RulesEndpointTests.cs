using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>Manual rules through the API, stored in the host's real state store, validated against fake tunnels and zones.</summary>
public sealed class RulesEndpointTests : IAsyncLifetime
{
    private static readonly Uri Rules = new("/api/v2/rules", UriKind.Relative);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _host.Tunnels.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownTunnel("main", "6ff42ae2-765d-4adf-8112-31c55c1551ef", "local")]);
        _host.Zones.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownZone("z1", "example.com"), new KnownZone("z2", "example.co.uk")]);
        _host.Zones.GetDefaultZoneAsync(Arg.Any<CancellationToken>()).Returns((KnownZone?)null);
        _host.Authorized();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_ValidRuleWithoutId_StoresItWithAGeneratedIdAndRequestsAReconcile()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "main", hostname = "app.example.co.uk", service = "http://app:8080" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v2/rules/{id}", response.Headers.Location?.OriginalString);
        var stored = Assert.Single((await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules);
        Assert.Equal((id, "main", "app.example.co.uk", "http://app:8080"), (stored.Id, stored.Tunnel, stored.Hostname, stored.Service));
        Assert.NotNull(stored.CreatedAt);
        _host.Trigger.Received(1).Request($"manual rule {id} created by api");
    }

    [Fact]
    public async Task GetPutDelete_ExistingRule_ReadsReplacesAndDeletesIt()
    {
        await CreateAsync("web");

        using var list = JsonDocument.Parse(await _host.Client.GetStringAsync(Rules));
        Assert.Equal("web", list.RootElement.GetProperty("rules")[0].GetProperty("id").GetString());

        var put = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/rules/web", UriKind.Relative),
            new { tunnel = "main", hostname = "web.example.com", service = "http://web:9090", path = "/api" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var one = JsonDocument.Parse(await _host.Client.GetStringAsync(new Uri("/api/v2/rules/web", UriKind.Relative)));
        Assert.Equal("http://web:9090", one.RootElement.GetProperty("service").GetString());
        Assert.Equal("/api", one.RootElement.GetProperty("path").GetString());
        _host.Trigger.Received(1).Request("manual rule web updated by api");

        var delete = await _host.Client.DeleteAsync(new Uri("/api/v2/rules/web", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri("/api/v2/rules/web", UriKind.Relative))).StatusCode);
        _host.Trigger.Received(1).Request("manual rule web deleted by api");
    }

    [Fact]
    public async Task Put_KeepsTheCreationTime()
    {
        await CreateAsync("web");
        var created = (await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules[0].CreatedAt;

        await _host.Client.PutAsJsonAsync(new Uri("/api/v2/rules/web", UriKind.Relative), new { tunnel = "main", hostname = "web.example.com", service = "http://web:1" });

        Assert.Equal(created, (await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules[0].CreatedAt);
    }

    [Fact]
    public async Task Post_ExistingId_Returns409AndKeepsTheFirst()
    {
        await CreateAsync("web");

        var response = await _host.Client.PostAsJsonAsync(Rules, new { id = "web", tunnel = "main", hostname = "other.example.com", service = "http://o:1" });

        await AssertErrorAsync(response, HttpStatusCode.Conflict, "rule_exists");
        Assert.Equal("web.example.com", (await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules[0].Hostname);
    }

    [Fact]
    public async Task Post_MissingFields_Returns400NamingThem()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "main" });

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_rule");
        Assert.StartsWith("The rule is not complete: a rule needs a tunnel, a hostname and a service, and this one has no hostname, no service.", message, StringComparison.Ordinal);
        _host.Trigger.DidNotReceiveWithAnyArgs().Request(default!);
    }

    [Fact]
    public async Task Post_UnknownTunnel_Returns404TunnelNotFoundListingTheKnownOnes()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "elsewhere", hostname = "app.example.com", service = "http://app:1" });

        var message = await AssertErrorAsync(response, HttpStatusCode.NotFound, "tunnel_not_found");
        Assert.Equal("No tunnel is named 'elsewhere': the known tunnels are main.", message);
        Assert.Empty((await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules);
    }

    [Fact]
    public async Task Post_HostnameInNoZone_Returns400WithTheEngineDiagnostics()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "main", hostname = "app.example.net", service = "http://app:1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_rule", body.RootElement.GetProperty("error").GetString());
        var diagnostic = body.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Contains(diagnostic.GetProperty("message").GetString()!, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules);
    }

    [Fact]
    public async Task Post_BadService_Returns400InvalidRule()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "main", hostname = "app.example.com", service = "not a url" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_rule");
    }

    [Fact]
    public async Task Post_InvalidId_Returns400InvalidId()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { id = "../x", tunnel = "main", hostname = "app.example.com", service = "http://a:1" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_id");
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400InvalidJson()
    {
        using var content = new StringContent("{\"tunnel\": main}", Encoding.UTF8, "application/json");

        var message = await AssertErrorAsync(await _host.Client.PostAsync(Rules, content), HttpStatusCode.BadRequest, "invalid_json");

        Assert.StartsWith("The request body is not valid JSON: 'm' is an invalid start of a value (line 1, position 12).", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_IdDiffersFromUrl_Returns400IdMismatch()
    {
        await CreateAsync("web");

        var response = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/rules/web", UriKind.Relative),
            new { id = "other", tunnel = "main", hostname = "web.example.com", service = "http://web:1" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "id_mismatch");
    }

    [Fact]
    public async Task PutAndDelete_UnknownRule_Return404RuleNotFound()
    {
        var put = await _host.Client.PutAsJsonAsync(new Uri("/api/v2/rules/nope", UriKind.Relative),
            new { tunnel = "main", hostname = "web.example.com", service = "http://web:1" });
        var delete = await _host.Client.DeleteAsync(new Uri("/api/v2/rules/nope", UriKind.Relative));

        await AssertErrorAsync(put, HttpStatusCode.NotFound, "rule_not_found");
        await AssertErrorAsync(delete, HttpStatusCode.NotFound, "rule_not_found");
        _host.Trigger.DidNotReceiveWithAnyArgs().Request(default!);
    }

    [Fact]
    public async Task Post_TunnelsCannotBeListed_Returns503WithTheReason()
    {
        _host.Tunnels.ListAsync(Arg.Any<CancellationToken>()).Returns<IReadOnlyList<KnownTunnel>>(_ => throw new ReconcileException("Cloudflare is not configured."));

        var response = await _host.Client.PostAsJsonAsync(Rules, new { tunnel = "main", hostname = "app.example.com", service = "http://a:1" });

        var message = await AssertErrorAsync(response, HttpStatusCode.ServiceUnavailable, "cloudflare_unavailable");
        Assert.Equal("Cloudflare is not configured.", message);
    }

    private async Task CreateAsync(string id)
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { id, tunnel = "main", hostname = $"{id}.example.com", service = $"http://{id}:80" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        return body.RootElement.GetProperty("message").GetString()!;
    }
}
