using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Testing;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>Builds the stand-in cloudflared image once for the test class and deletes it afterwards.</summary>
public sealed class StandInImageFixture : IAsyncLifetime
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();

    public string Image { get; } = "dockflare-e2e-cloudflared:" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => StandInCloudflared.BuildAsync(_docker, Image);

    public async Task DisposeAsync()
    {
        try
        {
            await _docker.Images.DeleteImageAsync(Image, new ImageDeleteParameters { Force = true });
        }
        finally
        {
            _docker.Dispose();
        }
    }
}
