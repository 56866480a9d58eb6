using DockFlare.Agent.Docker;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Agent.Tests.Docker;

/// <summary>The agent loads the Docker provider from its plugins folder through the shared loader.</summary>
public sealed class AgentDockerServicesTests
{
    [Fact]
    public async Task AddAgentDocker_BuiltPluginsFolder_ResolvesTheEngineServicesAndReachesTheTestEngine()
    {
        using var provider = AgentPlugins.TestDockerServices().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IContainerEventSource>());
        Assert.NotNull(provider.GetRequiredService<IContainerManager>());
        var listed = await provider.GetRequiredService<IContainerRuntime>().ListContainersAsync([], includeStopped: true, CancellationToken.None);
        Assert.NotNull(listed);
    }

    [Fact]
    public void AddAgentDocker_PluginsFolderWithoutDocker_FailsNamingTheExpectedFolder()
    {
        var empty = Path.Combine(Path.GetTempPath(), "dfa-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(empty);
        try
        {
            var services = new ServiceCollection();

            var ex = Assert.Throws<AgentPluginException>(() => services.AddAgentDocker(AgentPlugins.DockerHost(TestInfrastructure.DockerHost), empty));

            Assert.Contains("Docker provider plugin is missing", ex.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty, "docker"), ex.Message, StringComparison.Ordinal);
            Assert.Empty(services);
        }
        finally
        {
            System.IO.Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void AddAgentDocker_BadDockerHost_FailsNamingTheSetting()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<AgentPluginException>(() => services.AddAgentDocker(AgentPlugins.DockerHost("ftp://nowhere"), AgentPlugins.Directory));

        Assert.Contains("DOCKER_HOST 'ftp://nowhere'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }
}
