using System.Text;
using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The small pieces of logic that live in the contract types other modules share.</summary>
public sealed class ContractTypeTests
{
    private static string Token(object content) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content)));

    [Fact]
    public void TunnelToken_CloudflaredShape_DecodesWithoutExposingTheSecret()
    {
        var token = new TunnelToken(Token(new { a = "acc", t = "0b3a8f5e-94f7-4d71-8a0e-7a4f8a9d0c11", s = "c2VjcmV0" }));

        var content = token.TryDecode();

        Assert.Equal(("acc", "0b3a8f5e-94f7-4d71-8a0e-7a4f8a9d0c11", null), (content!.AccountTag, content.TunnelId, content.Endpoint));
        Assert.True(token.IsFor("0B3A8F5E-94F7-4D71-8A0E-7A4F8A9D0C11"));
        Assert.DoesNotContain("c2VjcmV0", content.ToString(), StringComparison.Ordinal);
        Assert.Equal("TunnelToken(***)", token.ToString());
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void TunnelToken_Garbage_DoesNotDecode(string value) =>
        Assert.Null(new TunnelToken(value).TryDecode());

    [Fact]
    public void TunnelToken_MissingSecret_DoesNotDecode() =>
        Assert.Null(new TunnelToken(Token(new { a = "acc", t = "t" })).TryDecode());

    [Fact]
    public void TunnelToken_WholeEnvelopeByMistake_DoesNotDecode() =>
        Assert.Null(new TunnelToken("{\"success\":true,\"result\":\"eyJ\"}").TryDecode());

    [Fact]
    public void AccessRule_Json_RoundTripsAsSingleKeyObjects()
    {
        var rules = new[] { AccessRule.Everyone(), AccessRule.Email("a@b.c"), AccessRule.Group("g"), AccessRule.ServiceToken("s"), AccessRule.LoginMethod("i") };

        var json = JsonSerializer.Serialize(rules);
        var back = JsonSerializer.Deserialize<AccessRule[]>(json)!;

        Assert.Equal("[{\"everyone\":{}},{\"email\":{\"email\":\"a@b.c\"}},{\"group\":{\"id\":\"g\"}},{\"service_token\":{\"token_id\":\"s\"}},{\"login_method\":{\"id\":\"i\"}}]", json);
        Assert.Equal(rules, back);
    }

    [Fact]
    public void AccessRule_UnknownFutureKind_PassesThroughUnchanged()
    {
        const string json = "{\"user_risk_score\":{\"user_risk_score\":[\"high\"]}}";

        var rule = JsonSerializer.Deserialize<AccessRule>(json)!;

        Assert.Equal("user_risk_score", rule.Kind);
        Assert.Equal(json, JsonSerializer.Serialize(rule));
    }

    [Fact]
    public void AccessRule_TwoKeys_IsRejected() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AccessRule>("{\"email\":{},\"everyone\":{}}"));

    [Theory]
    [InlineData("app.example.com", true)]
    [InlineData("APP.EXAMPLE.COM.", true)]
    [InlineData("https://app.example.com/", true)]
    [InlineData("legacy.example.com", true)]
    [InlineData("app.example.com/admin", true)]
    [InlineData("other.example.com", false)]
    [InlineData("example.com", false)]
    public void AccessApplication_Protects_MatchesDomainSelfHostedDomainsAndDestinations(string hostname, bool expected)
    {
        var app = new AccessApplication
        {
            Domain = "app.example.com",
            SelfHostedDomains = ["legacy.example.com"],
            Destinations = [AccessDestination.Public("app.example.com/admin"), new AccessDestination("private", Cidr: "10.0.0.0/8")],
        };

        Assert.Equal(expected, app.Protects(hostname));
    }

    [Fact]
    public void DnsRecordInput_TunnelCname_IsProxiedAutomaticTtlCname() =>
        Assert.Equal(new DnsRecordInput("CNAME", "a.example.com", "t.cfargotunnel.com", true, 1, "c"), DnsRecordInput.TunnelCname("a.example.com", "t", "c"));

    [Fact]
    public void CloudflareApiException_Transient_IsNeverNotFound()
    {
        var timeout = new CloudflareApiException("timeout", statusCode: null);
        var gateway = new CloudflareApiException("504", 504, [new CloudflareError(81044, "Record does not exist.")]);
        var missing = new CloudflareApiException("404", 404, [new CloudflareError(81044, "Record does not exist.")]);
        var html404 = new CloudflareApiException("404", 404, unexpectedResponse: true);

        Assert.Equal((true, false), (timeout.IsTransient, timeout.IsNotFound));
        Assert.Equal((true, false), (gateway.IsTransient, gateway.IsNotFound));
        Assert.Equal((false, true), (missing.IsTransient, missing.IsNotFound));
        Assert.False(html404.IsNotFound);
    }

    [Fact]
    public void CloudflareApiException_AccessNotEnabled_IsNotAPermissionError()
    {
        var ex = new CloudflareApiException("off", 403, [new CloudflareError(9999, "access.api.error.not_enabled: Access is not enabled.")]);

        Assert.True(ex.IsAccessNotEnabled);
        Assert.False(ex.IsPermissionError);
    }
}
