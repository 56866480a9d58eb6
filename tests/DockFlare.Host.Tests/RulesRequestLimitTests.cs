using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>The manual-rule API's limits: body size, field lengths, option names, JSON shape, and parallel writes.</summary>
public sealed class RulesRequestLimitTests : IAsyncLifetime
{
    private static readonly Uri Rules = new("/api/v2/rules", UriKind.Relative);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _host.Tunnels.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownTunnel("main", "6ff42ae2-765d-4adf-8112-31c55c1551ef", "local")]);
        _host.Zones.ListAsync(Arg.Any<CancellationToken>()).Returns([new KnownZone("z1", "example.com")]);
        _host.Zones.GetDefaultZoneAsync(Arg.Any<CancellationToken>()).Returns((KnownZone?)null);
        _host.Authorized();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, int, int> TooLongFields => new()
    {
        { "hostname", 254, 253 },
        { "path", 1025, 1024 },
        { "service", 2049, 2048 },
        { "zoneName", 254, 253 },
    };

    [Theory]
    [MemberData(nameof(TooLongFields))]
    public async Task Post_FieldOverItsLimit_Returns400NamingTheFieldAndTheLimit(string field, int length, int limit)
    {
        var body = new Dictionary<string, object> { ["tunnel"] = "main", ["hostname"] = "app.example.com", ["service"] = "http://app:1" };
        body[field] = new string('a', length);

        var message = await AssertErrorAsync(await _host.Client.PostAsJsonAsync(Rules, body), HttpStatusCode.BadRequest, "field_too_long");

        Assert.Equal($"'{field}' is {length} characters long: at most {limit} are allowed.", message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Post_FieldsAtTheirLimits_AreNotRefusedForLength()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new
        {
            id = new string('a', 64), tunnel = "main", hostname = "app.example.com", service = "http://app:1", path = "/" + new string('p', 1023),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_IdOver64Characters_Returns400InvalidIdWithoutEchoingIt()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new { id = new string('a', 65), tunnel = "main", hostname = "a.example.com", service = "http://a:1" });

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_id");
        Assert.Equal("'id' is 65 characters long: an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.", message);
    }

    [Theory]
    [InlineData("originOptions")]
    [InlineData("accessOptions")]
    public async Task Post_MoreThan16Options_Returns400(string field)
    {
        var options = Enumerable.Range(0, 17).ToDictionary(i => $"k{i}", _ => "v");
        var body = new Dictionary<string, object> { ["tunnel"] = "main", ["hostname"] = "app.example.com", ["service"] = "http://app:1", [field] = options };

        var message = await AssertErrorAsync(await _host.Client.PostAsJsonAsync(Rules, body), HttpStatusCode.BadRequest, "field_too_long");

        Assert.Equal($"'{field}' has 17 entries: at most 16 are allowed.", message);
    }

    [Fact]
    public async Task Post_OptionKeyOrValueTooLong_Returns400NamingTheLimit()
    {
        var longKey = await _host.Client.PostAsJsonAsync(Rules, new
        {
            tunnel = "main", hostname = "app.example.com", service = "http://app:1", originOptions = new Dictionary<string, string> { [new string('k', 65)] = "true" },
        });
        var longValue = await _host.Client.PostAsJsonAsync(Rules, new
        {
            tunnel = "main", hostname = "app.example.com", service = "http://app:1", accessOptions = new Dictionary<string, string> { ["access.name"] = new string('v', 1025) },
        });

        Assert.Equal("A key of 'originOptions' is 65 characters long: at most 64 are allowed.",
            await AssertErrorAsync(longKey, HttpStatusCode.BadRequest, "field_too_long"));
        Assert.Equal("'accessOptions.access.name' is 1025 characters long: at most 1024 are allowed.",
            await AssertErrorAsync(longValue, HttpStatusCode.BadRequest, "field_too_long"));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Post_UnknownOriginOption_Returns400NamingTheKeyAndListingTheAllowedOnes()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new
        {
            tunnel = "main", hostname = "app.example.com", service = "http://app:1", originOptions = new Dictionary<string, string> { ["no_tls_verfy"] = "true" },
        });

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "unknown_option");
        Assert.Equal("'no_tls_verfy' is not a known name in 'originOptions': the allowed names are no_tls_verify, originsrvname, "
            + "httpHostHeader, http2_origin, disable_chunked_encoding, match_sni_to_host.", message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Post_UnknownAccessOption_Returns400NamingTheKeyAndListingTheAllowedOnes()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new
        {
            tunnel = "main", hostname = "app.example.com", service = "http://app:1", accessOptions = new Dictionary<string, string> { ["access.email"] = "a@b.c" },
        });

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "unknown_option");
        Assert.StartsWith("'access.email' is not a known name in 'accessOptions': the allowed names are ", message, StringComparison.Ordinal);
        Assert.Contains("access.group,", message, StringComparison.Ordinal);
        Assert.Contains("access.policy", message, StringComparison.Ordinal);
        Assert.Contains("access.custom_rules", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_KnownOptions_AreStored()
    {
        var response = await _host.Client.PostAsJsonAsync(Rules, new
        {
            id = "opts", tunnel = "main", hostname = "app.example.com", service = "https://app:443",
            originOptions = new Dictionary<string, string> { ["no_tls_verify"] = "true" },
            accessOptions = new Dictionary<string, string> { ["access.policy"] = "bypass" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver64KiB_Returns413PayloadTooLarge()
    {
        var options = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"key{i}\":\"v\""));
        using var content = new StringContent(
            $$$"""{"tunnel":"main","hostname":"app.example.com","service":"http://app:1","originOptions":{{{options}}}}""", Encoding.UTF8, "application/json");
        Assert.True(content.Headers.ContentLength > 64 * 1024);

        var message = await AssertErrorAsync(await _host.Client.PostAsync(Rules, content), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Equal("The request body is larger than the limit of 65536 bytes (64 KiB).", message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Post_ChunkedBodyOver64KiB_Returns413PayloadTooLarge()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"path":"{{new string('a', 70_000)}}"}""")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Rules) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await AssertErrorAsync(await _host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task PostAdopt_HostnameOrPathTooLong_Returns400()
    {
        var adopt = new Uri("/api/v2/adopt", UriKind.Relative);

        var hostname = await _host.Client.PostAsJsonAsync(adopt, new { hostname = new string('h', 254) });
        var path = await _host.Client.PostAsJsonAsync(adopt, new { hostname = "app.example.com", path = new string('p', 1025) });

        Assert.Equal("'hostname' is 254 characters long: at most 253 are allowed.", await AssertErrorAsync(hostname, HttpStatusCode.BadRequest, "field_too_long"));
        Assert.Equal("'path' is 1025 characters long: at most 1024 are allowed.", await AssertErrorAsync(path, HttpStatusCode.BadRequest, "field_too_long"));
        await _host.Reconciler.DidNotReceiveWithAnyArgs().AdoptAsync(default!, default, default!, default);
    }

    [Theory]
    [InlineData("[]", "The request body must be a JSON object, not an array.")]
    [InlineData("42", "The request body must be a JSON object, not a number.")]
    [InlineData("null", "The request body must be a JSON object, not null.")]
    [InlineData("""{"tunnel":1}""", "`tunnel` must be a string, not a number.")]
    [InlineData("""{"hostname":{"a":1}}""", "`hostname` must be a string, not an object.")]
    [InlineData("""{"originOptions":[]}""", "`originOptions` must be an object, not an array.")]
    [InlineData("""{"originOptions":"x"}""", "`originOptions` must be an object, not a string.")]
    [InlineData("""{"originOptions":{"no_tls_verify":true}}""", "`originOptions.no_tls_verify` must be a string, not a boolean.")]
    [InlineData("""{"originOptions":{"no_tls_verify":null}}""", "`originOptions.no_tls_verify` must be a string, not null.")]
    [InlineData("", "The request body is empty: send a JSON object.")]
    public async Task Post_ValidJsonOfTheWrongShape_SaysWhatIsWrongInJsonWords(string json, string expected)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var message = await AssertErrorAsync(await _host.Client.PostAsync(Rules, content), HttpStatusCode.BadRequest, "invalid_json");

        Assert.Equal(expected, message);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("DockFlare", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_SaysNotValidJsonWithLineAndPosition()
    {
        using var content = new StringContent("{\n  \"tunnel\": \"main\",\n  \"hostname\" \"x\"\n}", Encoding.UTF8, "application/json");

        var message = await AssertErrorAsync(await _host.Client.PostAsync(Rules, content), HttpStatusCode.BadRequest, "invalid_json");

        Assert.StartsWith("The request body is not valid JSON: ", message, StringComparison.Ordinal);
        Assert.EndsWith("(line 3, position 14).", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_30InParallelWithDistinctIds_AllSucceed()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            _host.Client.PostAsJsonAsync(Rules, new { id = $"r{i}", tunnel = "main", hostname = $"r{i}.example.com", service = $"http://r{i}:80" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var stored = (await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules;
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"r{i}").Order(StringComparer.Ordinal), stored.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    private async Task AssertNothingStoredAsync() =>
        Assert.Empty((await _host.Services.GetRequiredService<IStateStore>().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules);

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        return body.RootElement.GetProperty("message").GetString()!;
    }
}
