namespace DockFlare.ArchitectureTests;

public sealed class DependencyRulesTests
{
    [Fact]
    public void DeclaredReferences_OfEveryProject_FollowTheRules()
    {
        Assert.Empty(DependencyRules.Check(ProjectGraph.Declared()));
    }

    [Fact]
    public void CompiledReferences_OfEveryAssembly_FollowTheRules()
    {
        Assert.Empty(DependencyRules.Check(ProjectGraph.Compiled()));
    }

    [Fact]
    public void ProjectGraph_FindsEveryKindOfProject()
    {
        var names = ProjectGraph.Declared().Keys.ToList();

        Assert.Contains("DockFlare.Host", names);
        Assert.Contains("DockFlare.Core", names);
        Assert.Contains("DockFlare.Plugins.Abstractions", names);
        Assert.Contains("DockFlare.Plugins.Docker", names);
        Assert.Contains("DockFlare.Plugins.Cloudflare", names);
        Assert.Contains("DockFlare.Agent", names);
        Assert.Contains("DockFlare.Hosting", names);
        Assert.Contains(names, n => n.StartsWith("DockFlare.Modules.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("DockFlare.Samples.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DockFlare.Modules.Agents", "DockFlare.Modules.Tunnels", "never through another module")]
    [InlineData("DockFlare.Plugins.Docker", "DockFlare.Core", "a plugin references only the plugin abstractions")]
    [InlineData("DockFlare.Samples.WebhookNotifier", "DockFlare.Host", "a plugin references only the plugin abstractions")]
    [InlineData("DockFlare.Agent", "DockFlare.Host", "nothing references the host")]
    [InlineData("DockFlare.Modules.Dns", "DockFlare.Host", "nothing references the host")]
    [InlineData("DockFlare.Host", "DockFlare.Plugins.Cloudflare", "plugins are loaded from the plugins folder")]
    [InlineData("DockFlare.Core", "DockFlare.Modules.Access", "the core depends on no module")]
    [InlineData("DockFlare.Plugins.Abstractions", "DockFlare.Core", "depend on nothing of DockFlare")]
    [InlineData("DockFlare.Hosting", "DockFlare.Host", "the shared hosting library references only the plugin abstractions")]
    [InlineData("DockFlare.Hosting", "DockFlare.Modules.Tunnels", "the shared hosting library references only the plugin abstractions")]
    [InlineData("DockFlare.Hosting", "DockFlare.Plugins.Docker", "the shared hosting library references only the plugin abstractions")]
    public void Check_GraphBreakingARule_NamesTheRule(string project, string reference, string rule)
    {
        var graph = new Dictionary<string, IReadOnlySet<string>> { [project] = new HashSet<string> { reference } };

        var violation = Assert.Single(DependencyRules.Check(graph));

        Assert.Contains(rule, violation, StringComparison.Ordinal);
        Assert.StartsWith($"{project} → {reference}", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DockFlare.Modules.Agents", "DockFlare.Core")]
    [InlineData("DockFlare.Plugins.Docker", "DockFlare.Plugins.Abstractions")]
    [InlineData("DockFlare.Host", "DockFlare.Modules.Agents")]
    [InlineData("DockFlare.Agent", "DockFlare.Core")]
    [InlineData("DockFlare.Agent", "DockFlare.Hosting")]
    [InlineData("DockFlare.Modules.Tunnels", "DockFlare.Hosting")]
    [InlineData("DockFlare.Host", "DockFlare.Hosting")]
    [InlineData("DockFlare.Hosting", "DockFlare.Plugins.Abstractions")]
    public void Check_AllowedReference_IsNoViolation(string project, string reference)
    {
        var graph = new Dictionary<string, IReadOnlySet<string>> { [project] = new HashSet<string> { reference } };

        Assert.Empty(DependencyRules.Check(graph));
    }
}
