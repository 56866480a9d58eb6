namespace DockFlare.Modules.Agents.Tests;

public sealed class AgentScopesTests
{
    [Theory]
    [InlineData("example.com", true)]
    [InlineData("app.example.com", true)]
    [InlineData("deep.app.example.com", true)]
    [InlineData("APP.Example.com.", true)]
    [InlineData("badexample.com", false)]
    [InlineData("example.co.uk", false)]
    [InlineData("nas.home.example.org", true)]
    [InlineData("web-1.apps.example.org", true)]
    [InlineData("x.web-1.apps.example.org", false)]
    [InlineData("other.example.org", false)]
    public void Allows_ZonesAndPatterns_MatchWithinLabels(string hostname, bool expected)
    {
        var scopes = new AgentScopes(["example.com"], ["nas.home.example.org", "web-*.apps.example.org"]);

        Assert.Equal(expected, scopes.Allows(hostname));
    }

    [Fact]
    public void Allows_NoScopes_NothingIsAllowed()
    {
        Assert.False(AgentScopes.None.Allows("example.com"));
    }
}
