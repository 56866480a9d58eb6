using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessRuleLinesTests
{
    [Fact]
    public void Parse_ShortFormsAndJson_GiveCloudflareRulesInOrder()
    {
        var (rules, problem) = AccessRuleLines.Parse("email=a@b.com\n\n email_domain = example.com \nip=10.0.0.0/8\neveryone\n{\"okta\":{\"name\":\"staff\",\"identity_provider_id\":\"x\"}}", "Include");

        Assert.Null(problem);
        Assert.Equal(
            [AccessRule.Email("a@b.com"), AccessRule.EmailDomain("example.com"), AccessRule.Ip("10.0.0.0/8"), AccessRule.Everyone()],
            rules!.Take(4));
        Assert.Equal("""{"okta":{"name":"staff","identity_provider_id":"x"}}""", rules![4].ToString());
    }

    [Theory]
    [InlineData("emial=a@b.com", "Include, line 1: 'emial=a@b.com' is not a rule: 'emial' is not one of")]
    [InlineData("email=a@b.com\nemail", "Include, line 2: 'email' needs a value")]
    [InlineData("everyone=yes", "Include, line 1: 'everyone=yes' takes no value")]
    [InlineData("{\"email\":", "Include, line 1: '{\"email\":' is not a rule as Cloudflare's JSON")]
    public void Parse_BadLine_NamesFieldLineAndProblem(string text, string expected)
    {
        var (rules, problem) = AccessRuleLines.Parse(text, "Include");

        Assert.Null(rules);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThenParse_GivesTheSameRules()
    {
        IReadOnlyList<AccessRule> rules = [AccessRule.Email("a@b.com"), AccessRule.Country("DE"), AccessRule.AnyValidServiceToken(), AccessRule.Group("g-1")];

        var text = AccessRuleLines.Format(rules);

        Assert.Equal("email=a@b.com\ngeo=DE\nany_valid_service_token\ngroup=g-1", text);
        Assert.Equal(rules, AccessRuleLines.Parse(text, "Include").Rules);
    }
}
