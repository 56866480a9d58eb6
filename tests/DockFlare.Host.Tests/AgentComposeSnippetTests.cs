using DockFlare.Host.Web.Agents;

namespace DockFlare.Host.Tests;

/// <summary>The compose file shown with a new agent key is ready to paste: the key and URL verbatim, the name only when the agent keeps it.</summary>
public sealed class AgentComposeSnippetTests
{
    private const string Secret = "dfa_0123456789ab_00ff";

    [Fact]
    public void Render_ValidLabel_FillsUrlKeyAndName()
    {
        var yaml = AgentComposeSnippet.Render("https://dockflare.example.com", Secret, " nas 1 ");

        Assert.Contains("      DOCKFLARE_MASTER_URL: \"https://dockflare.example.com\"", yaml, StringComparison.Ordinal);
        Assert.Contains($"      DOCKFLARE_API_KEY: \"{Secret}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      AGENT_DISPLAY_NAME: \"nas 1\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      DOCKER_HOST: tcp://docker-socket-proxy:2375", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nas/backup")]
    [InlineData("a name with $HOME")]
    public void Render_LabelTheAgentWouldNotKeep_LeavesTheNameOut(string label)
    {
        var yaml = AgentComposeSnippet.Render("http://10.0.0.2:5000", Secret, label);

        Assert.DoesNotContain("AGENT_DISPLAY_NAME", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("$", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UrlWithDollarAndQuote_EscapedForComposeAndYaml()
    {
        var yaml = AgentComposeSnippet.Render("https://example.com/a$b\"c", Secret, "nas");

        Assert.Contains("DOCKFLARE_MASTER_URL: \"https://example.com/a$$b\\\"c\"", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "loopback")]
    [InlineData("http://localhost:5000", "loopback")]
    [InlineData("http://[::1]:5000", "loopback")]
    [InlineData("http://nas.lan:5000", "DOCKFLARE_PUBLIC_URL is not set")]
    public void UrlWarning_NoPublicUrl_SaysWhyTheAddressMayNotWork(string url, string expected)
    {
        Assert.Contains(expected, AgentComposeSnippet.UrlWarning(new DockFlare.Modules.Auth.AuthOptions(), url), StringComparison.Ordinal);
    }

    [Fact]
    public void UrlWarning_PublicUrlSet_None()
    {
        var auth = new DockFlare.Modules.Auth.AuthOptions { PublicUrl = "https://dockflare.example.com" };

        Assert.Null(AgentComposeSnippet.UrlWarning(auth, "https://dockflare.example.com"));
    }
}
