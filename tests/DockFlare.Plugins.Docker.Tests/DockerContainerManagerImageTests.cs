using System.Diagnostics;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;

namespace DockFlare.Plugins.Docker.Tests;

/// <summary>
/// <see cref="DockerContainerManager.EnsureImageAsync"/> against the private test dockerd. That engine has no
/// internet, so any pull fails there: an image reported present without an error was not pulled.
/// </summary>
public sealed class DockerContainerManagerImageTests : IDisposable
{
    // Far above a refused pull (milliseconds to a few seconds), far below the manager's own pull bound.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    private readonly DockerContainerRuntime _runtime = new(DockerEndpoint.Parse(TestInfrastructure.DockerHost));
    private readonly DockerContainerManager _manager;

    public DockerContainerManagerImageTests() => _manager = new DockerContainerManager(_runtime);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task EnsureImageAsync_TestImagePresent_ReturnsWithoutPulling()
    {
        var watch = Stopwatch.StartNew();

        await _manager.EnsureImageAsync(TestInfrastructure.Image, Ct);

        Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task EnsureImageAsync_TagLessReferenceToPresentLatest_ReturnsWithoutPulling()
    {
        var (repository, tag) = DockerContainerManager.SplitReference(TestInfrastructure.Image);
        Assert.Equal("latest", tag);

        await _manager.EnsureImageAsync(repository, Ct);
    }

    [Theory]
    [InlineData("dockflare-test-missing:1")]
    [InlineData("dockflare-test-missing")]
    [InlineData("dockflare-test-missing@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task EnsureImageAsync_MissingImageAndNoRegistry_FailsQuicklyNamingTheImage(string image)
    {
        using var bound = new CancellationTokenSource(Quick);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ContainerOperationException>(() => _manager.EnsureImageAsync(image, bound.Token));

        Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
        Assert.Contains($"'{image}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("pull", error.Message, StringComparison.Ordinal);
        Assert.False(await ImageExistsAsync(image));
    }

    [Fact]
    public async Task EnsureImageAsync_EngineUnreachable_ThrowsContainerRuntimeUnavailableException()
    {
        using var runtime = new DockerContainerRuntime(DockerEndpoint.Parse("unix:///tmp/dfi-" + Guid.NewGuid().ToString("N")[..8] + ".sock"));
        var manager = new DockerContainerManager(runtime);

        await Assert.ThrowsAsync<ContainerRuntimeUnavailableException>(() => manager.EnsureImageAsync("x:1", Ct));
    }

    [Theory]
    [InlineData("cloudflare/cloudflared", "cloudflare/cloudflared", "latest")]
    [InlineData("cloudflare/cloudflared:2025.1.0", "cloudflare/cloudflared", "2025.1.0")]
    [InlineData("registry.local:5000/team/cloudflared", "registry.local:5000/team/cloudflared", "latest")]
    [InlineData("registry.local:5000/team/cloudflared:v2", "registry.local:5000/team/cloudflared", "v2")]
    [InlineData("cloudflared@sha256:abc", "cloudflared", "sha256:abc")]
    [InlineData("registry.local:5000/cloudflared:v2@sha256:abc", "registry.local:5000/cloudflared", "sha256:abc")]
    public void SplitReference_Reference_RepositoryAndTagOrDigest(string image, string repository, string tagOrDigest)
    {
        Assert.Equal((repository, tagOrDigest), DockerContainerManager.SplitReference(image));
    }

    public void Dispose() => _runtime.Dispose();

    private async Task<bool> ImageExistsAsync(string image)
    {
        try
        {
            await _runtime.Client.Images.InspectImageAsync(image, Ct);
            return true;
        }
        catch (global::Docker.DotNet.DockerApiException)
        {
            return false;
        }
    }
}
