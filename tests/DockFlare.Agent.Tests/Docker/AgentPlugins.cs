using DockFlare.Agent.Docker;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockFlare.Agent.Tests.Docker;

/// <summary>
/// The plugins folder the agent's own build made (<c>agent/DockFlare.Agent/bin/&lt;configuration&gt;/&lt;tfm&gt;/plugins</c>), so the
/// tests load the Docker provider exactly as the agent does, and services wired to the test dockerd.
/// </summary>
internal static class AgentPlugins
{
    public static string Directory
    {
        get
        {
            // This test assembly is in tests/DockFlare.Agent.Tests/bin/<configuration>/<tfm>/; the agent is built alike.
            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return RepositoryPaths.Combine("agent", "DockFlare.Agent", "bin", configuration, tfm, "plugins");
        }
    }

    public static IConfiguration DockerHost(string dockerHost) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("DOCKER_HOST", dockerHost)]).Build();

    /// <summary>Logging plus the Docker provider on the test dockerd.</summary>
    public static ServiceCollection TestDockerServices(ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddAgentDocker(DockerHost(TestInfrastructure.DockerHost), Directory);
        return services;
    }
}
