using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessGroupValidatorTests
{
    [Fact]
    public void Validate_GoodGroup_HasNoProblem() =>
        Assert.Empty(AccessGroupValidator.Validate(Group([AccessRule.Email("a@b.com"), AccessRule.EmailDomain("example.com")])));

    [Fact]
    public void Validate_SeveralBadRules_NamesEachWithGroupListAndPosition()
    {
        var problems = AccessGroupValidator.Validate(Group([AccessRule.Email("a@b.com"), AccessRule.Ip("10.0.0.300/8")]) with
        {
            Require = [AccessRule.Country("germany")],
            SessionDuration = "a day",
        });

        Assert.Equal(3, problems.Count);
        Assert.Equal("Access group 'team': session_duration 'a day' is not a duration such as 24h, 30m or 2h45m.", problems[0]);
        Assert.StartsWith("Access group 'team', include rule 2 ({\"ip\":{\"ip\":\"10.0.0.300/8\"}}): '10.0.0.300/8' is not an IP address", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Access group 'team', require rule 1", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SystemId_IsRefused() =>
        Assert.Contains("is a system group", Assert.Single(AccessGroupValidator.Validate(Group([AccessRule.Everyone()]) with { Id = "public-default-bypass", Decision = "bypass" })), StringComparison.Ordinal);

    private static AccessGroupDefinition Group(IReadOnlyList<AccessRule> include) => new() { Id = "team", Decision = "allow", Include = include };
}
