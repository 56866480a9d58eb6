using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Docker;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Hosting.Tests;

/// <summary>
/// The real Docker provider, registered by its plugin class exactly as the loader would, on the test dockerd, plus a raw
/// Docker.DotNet client to look at what the provider does not return (environment, command). Removes what a test made
/// under its prefix.
/// </summary>
internal sealed class TestDocker : IDisposable
{
    private readonly ServiceProvider _services;

    public TestDocker()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("DOCKER_HOST", TestInfrastructure.DockerHost)])
            .Build();
        var services = new ServiceCollection().AddLogging();
        new DockerPlugin().Register(services, new PluginContext(new PluginManifest { Id = "docker" }, AppContext.BaseDirectory, configuration));
        _services = services.BuildServiceProvider();
        Client = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
    }

    /// <summary>A prefix for every name a test makes.</summary>
    public string Prefix { get; } = "dfh-" + Guid.NewGuid().ToString("N")[..8];

    public IContainerManager Containers => _services.GetRequiredService<IContainerManager>();

    public IContainerRuntime Runtime => _services.GetRequiredService<IContainerRuntime>();

    public DockerClient Client { get; }

    /// <summary>The managed containers whose name starts with <paramref name="namePrefix"/>.</summary>
    public async Task<IReadOnlyList<ContainerSnapshot>> ManagedAsync(string namePrefix) =>
        (await Runtime.ListContainersAsync(["managed-by"], includeStopped: true, CancellationToken.None))
        .Where(c => c.Name.StartsWith(namePrefix, StringComparison.Ordinal))
        .ToList();

    /// <summary>Removes the containers and networks named with <see cref="Prefix"/>.</summary>
    public async Task CleanUpAsync()
    {
        var containers = await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        foreach (var container in containers.Where(c => c.Names.Any(n => n.Contains(Prefix, StringComparison.Ordinal))))
        {
            await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        var networks = await Client.Networks.ListNetworksAsync(new NetworksListParameters());
        foreach (var network in networks.Where(n => n.Name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            await Client.Networks.DeleteNetworkAsync(network.ID);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _services.Dispose();
    }
}
