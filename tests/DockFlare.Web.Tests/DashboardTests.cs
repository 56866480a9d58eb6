using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Testing;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>The dashboard shows what is published and follows changes without a reload.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardTests : IClassFixture<DockerAdminSession>, IAsyncLifetime
{
    private readonly DockerAdminSession _session;
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
    private readonly List<string> _containers = [];

    public DashboardTests(DockerAdminSession session) => _session = session;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _containers)
        {
            await _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }

        _docker.Dispose();
    }

    [Fact]
    public async Task Dashboard_LabelledContainerStarts_AppearsLiveWithoutReload()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await Assertions.Expect(page.Page.Locator("#routes")).ToHaveAttributeAsync("data-connected", "true");
        var prefix = _session.Master.LabelPrefix;
        var hostname = $"web-{_session.Master.Suffix}.example.com";

        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = TestInfrastructure.Image,
            Name = "ui-web-" + _session.Master.Suffix,
            Cmd = ["sleep", "600"],
            Labels = new Dictionary<string, string>
            {
                [$"{prefix}.enable"] = "true",
                [$"{prefix}.hostname"] = hostname,
                [$"{prefix}.service"] = "http://web:8080",
            },
        });
        _containers.Add(created.ID);
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

        var row = page.Page.Locator("#routes tbody tr", new() { HasText = hostname });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("http://web:8080");
        await page.ScreenshotAsync("dashboard");

        // Search narrows the table to matching rows.
        await page.Page.GetByLabel("Search").FillAsync("no-such-host");
        await Assertions.Expect(row).ToBeHiddenAsync();
        await page.Page.GetByLabel("Search").FillAsync(hostname);
        await Assertions.Expect(row).ToBeVisibleAsync();
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Dashboard_PhoneWidth_ShowsEachRouteAsLabelledCard()
    {
        await using var page = await _session.OpenAsAdminAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        var scrollWidth = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page scrolls sideways on a phone: {scrollWidth}px wide");
        page.AssertNoConsoleProblems();
    }
}
