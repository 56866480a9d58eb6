using System.Reflection;
using DockFlare.Agent.Containers;
using DockFlare.Agent.Master;
using DockFlare.Core.Labels;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Agent.Tests.Containers;

public sealed class DockFlareLabelsTests
{
    private static readonly string[] BuiltInEnableKeys = ["dockflare.enable", "cloudflare.tunnel.enable"];

    private static readonly Dictionary<string, string> Mixed = new()
    {
        ["dockflare.enable"] = "true",
        ["dockflare.hostname"] = "web.example.com",
        ["cloudflare.tunnel.service"] = "http://web:80",
        ["DockFlare.path"] = "/api",
        ["myco.access.policy"] = "bypass",
        ["SECRET_ENV"] = "hunter2",
        ["DATABASE_PASSWORD"] = "p4ss",
        ["com.example.x"] = "private",
        ["com.docker.compose.project"] = "shop",
        ["dockflare."] = "nothing after the prefix",
        ["name"] = "web",
        ["image"] = "nginx",
    };

    [Fact]
    public void Filter_KeepsOnlyDockFlareKeysUnderEveryPrefix()
    {
        var labels = new DockFlareLabels(new LabelEngineOptions { LabelPrefix = "myco" });

        var kept = labels.Filter(Mixed);

        Assert.Equal(
            ["DockFlare.path", "cloudflare.tunnel.service", "dockflare.enable", "dockflare.hostname", "myco.access.policy"],
            kept.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["myco.enable", "dockflare.enable", "cloudflare.tunnel.enable"], labels.EnableKeys);
    }

    [Fact]
    public void Filter_WithoutCustomPrefix_DropsItsKeys()
    {
        var kept = new DockFlareLabels(new LabelEngineOptions()).Filter(Mixed);

        Assert.DoesNotContain("myco.access.policy", kept.Keys);
        Assert.Equal(["dockflare.enable", "cloudflare.tunnel.enable"], new DockFlareLabels(new LabelEngineOptions()).EnableKeys);
    }

    [Fact]
    public void Constants_AreCoresPrefixesAndEnableKey()
    {
        // Core keeps them internal; the agent mirrors them and this test keeps the copies honest.
        var core = typeof(LabelEngineOptions).Assembly;
        Assert.Equal(DockFlareLabels.PrimaryPrefix, Const(core, "DockFlare.Core.Labels.LabelPrefixes", "Primary"));
        Assert.Equal(DockFlareLabels.LegacyPrefix, Const(core, "DockFlare.Core.Labels.LabelPrefixes", "Legacy"));
        Assert.Equal(DockFlareLabels.EnableKey, Const(core, "DockFlare.Core.Labels.LabelCatalog", "Enable"));
    }

    [Fact]
    public async Task ListAsync_OnlyDockFlareLabelKeysLeave_AndOurOwnCloudflaredIsSkipped()
    {
        var runtime = Substitute.For<IContainerRuntime>();
        runtime.ListContainersAsync(Arg.Any<IReadOnlyCollection<string>>(), true, Arg.Any<CancellationToken>()).Returns(
        [
            new ContainerSnapshot("a1", "web", "nginx", "running", Mixed, DateTimeOffset.UnixEpoch),
            new ContainerSnapshot("b2", "old", "nginx", "exited", new Dictionary<string, string> { ["dockflare.enable"] = "true", ["SECRET_ENV"] = "x" }, DateTimeOffset.UnixEpoch),
            new ContainerSnapshot("c3", "cloudflared-agent-x", "cloudflare/cloudflared", "running",
                new Dictionary<string, string> { ["managed-by"] = "dockflare", ["dockflare.cloudflared.tunnel-id"] = "t" }, DateTimeOffset.UnixEpoch),
        ]);
        var labels = new DockFlareLabels(new LabelEngineOptions());
        using var reporter = new InventoryReporter(runtime, labels, null!, null!, NullLogger<InventoryReporter>.Instance);

        var list = await reporter.ListAsync(CancellationToken.None);

        Assert.Equal(["a1", "b2"], list.Select(c => c.Id));
        Assert.Equal(["DockFlare.path", "cloudflare.tunnel.service", "dockflare.enable", "dockflare.hostname"], list[0].Labels!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("exited", list[1].State);
        Assert.Equal(["dockflare.enable"], list[1].Labels!.Keys);
        await runtime.Received().ListContainersAsync(
            Arg.Is<IReadOnlyCollection<string>>(k => k.SequenceEqual(BuiltInEnableKeys)), true, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("start", "container_start", "running")]
    [InlineData("stop", "container_stop", "exited")]
    [InlineData("die", "container_die", "exited")]
    [InlineData("destroy", "container_destroy", "removed")]
    public void Map_LifecycleActions_BecomeV2EventsWithDockFlareLabelsOnly(string action, string type, string state)
    {
        var labels = new DockFlareLabels(new LabelEngineOptions());

        var mapped = ContainerEventMapper.Map(new ContainerEvent("a1b2c3", action, DateTimeOffset.UnixEpoch, 1, Mixed), labels);

        Assert.Equal(type, mapped!.Type);
        Assert.Equal(new ReportedContainer("a1b2c3", "web", state, mapped.Container.Labels), mapped.Container);
        Assert.DoesNotContain(mapped.Container.Labels!.Keys, k => k is "SECRET_ENV" or "com.example.x" or "name" or "image");
    }

    [Theory]
    [InlineData("create")]
    [InlineData("kill")]
    [InlineData("rename")]
    public void Map_OtherActions_AreNotSent(string action)
    {
        Assert.Null(ContainerEventMapper.Map(new ContainerEvent("a1", action, DateTimeOffset.UnixEpoch, 1, Mixed), new DockFlareLabels(new LabelEngineOptions())));
    }

    [Fact]
    public void Map_OurOwnCloudflared_IsNotSent()
    {
        var attributes = new Dictionary<string, string> { ["managed-by"] = "dockflare", ["dockflare.enable"] = "true", ["name"] = "cloudflared-agent-x" };

        Assert.Null(ContainerEventMapper.Map(new ContainerEvent("a1", "start", DateTimeOffset.UnixEpoch, 1, attributes), new DockFlareLabels(new LabelEngineOptions())));
    }

    private static string? Const(Assembly assembly, string type, string field) =>
        (string?)assembly.GetType(type, throwOnError: true)!.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue();
}
