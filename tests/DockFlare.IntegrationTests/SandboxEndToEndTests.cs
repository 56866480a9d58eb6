using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Testing;

namespace DockFlare.IntegrationTests;

/// <summary>
/// The README's first command, as a test: the real master in sandbox mode against the real test
/// Docker engine publishes labelled containers, and shows them through the REST API.
/// </summary>
public sealed class SandboxEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string ApiKey = "e2e-test-key-0123456789abcdef";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly TempFolder _data = new();
    private DockerClient? _docker;

    private string Hostname => $"web-{_suffix}.example.com";

    public Task InitializeAsync()
    {
        _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        var ours = await _docker!.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        foreach (var container in ours.Where(c => c.Names.Any(n => n.Contains(_suffix, StringComparison.Ordinal))))
        {
            await _docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        _docker.Dispose();
    }

    public void Dispose() => _data.Dispose();

    private async Task<HostUnderTest> StartMasterAsync() =>
        await HostUnderTest.StartAsync(
        [
            ("DOCKFLARE_SANDBOX", "true"),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
            ("DATA_DIR", _data.Path),
            ("DOCKFLARE_API_KEY", ApiKey),
            ("TUNNEL_NAME", "e2e-" + _suffix),
            ("CLOUDFLARED_IMAGE", TestInfrastructure.Image),
            ("CLOUDFLARED_NETWORK_NAME", "e2e-" + _suffix),
            ("RECONCILE_DEBOUNCE_MS", "100"),
            ("LOG_LEVEL", "WARNING"),
        ]);

    private static async Task<JsonElement> GetAsync(HostUnderTest master, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await master.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<string?> StatusAsync(HostUnderTest master)
    {
        var routes = await GetAsync(master, "/api/v2/routes");
        return routes.GetProperty("routes").EnumerateArray()
            .Where(r => r.GetProperty("route").GetProperty("hostname").GetString() == Hostname)
            .Select(r => r.GetProperty("status").GetString())
            .FirstOrDefault();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Sandbox_LabelledContainerOnRealEngine_IsPublishedAndShownThroughTheApi()
    {
        var created = await _docker!.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "web-" + _suffix,
            Image = TestInfrastructure.Image,
            Cmd = ["sleep", "3600"],
            Labels = new Dictionary<string, string>
            {
                ["dockflare.enable"] = "true",
                ["dockflare.hostname"] = Hostname,
                ["dockflare.service"] = "http://web:80",
            },
        });
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

        await using var master = await StartMasterAsync();

        using (var anonymous = await master.Client.GetAsync(new Uri("/api/v2/routes", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("true", anonymous.Headers.GetValues("X-DockFlare-Sandbox").Single());
        }

        await EventuallyAsync(async () => await StatusAsync(master) == "active", $"{Hostname} to be active");

        var changes = await GetAsync(master, "/api/v2/changes?limit=1000");
        Assert.Contains(changes.GetProperty("entries").EnumerateArray(), c =>
            c.GetProperty("kind").GetString() == "dns.create" && c.GetProperty("target").GetString() == Hostname);
        var plan = await GetAsync(master, "/api/v2/plan");
        Assert.DoesNotContain(plan.GetProperty("plan").GetProperty("operations").EnumerateArray(), o => o.ToString().Contains(Hostname, StringComparison.Ordinal));

        await _docker.Containers.StopContainerAsync(created.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 0 });
        await EventuallyAsync(async () => await StatusAsync(master) == "pendingDeletion", $"{Hostname} to wait out its grace period");
    }
}
