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

        // Stopped: still published during its grace period, which the row counts down.
        await _docker.Containers.StopContainerAsync(created.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 1 });
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("pending deletion", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator(".countdown")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"deleted in \d+ (min|s), at \d{4}-"));
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task ContainerView_MistypedLabel_TraceShowsLabelsDiagnosticRouteAndCloudflareWrites()
    {
        var prefix = _session.Master.LabelPrefix;
        var hostname = $"traced-{_session.Master.Suffix}.example.com";
        var name = "ui-traced-" + _session.Master.Suffix;
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = TestInfrastructure.Image,
            Name = name,
            Cmd = ["sleep", "600"],
            Labels = new Dictionary<string, string>
            {
                [$"{prefix}.enable"] = "true",
                [$"{prefix}.hostname"] = hostname,
                [$"{prefix}.service"] = "http://traced:8080",
                [$"{prefix}.no_tls_verfy"] = "true",
            },
        });
        _containers.Add(created.ID);
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

        await using var page = await _session.OpenAsAdminAsync();
        var row = page.Page.Locator("#routes tbody tr", new() { HasText = hostname });
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/containers/", StringComparison.Ordinal));
        await Assertions.Expect(page.Page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Page.Locator("#labels")).ToContainTextAsync($"{prefix}.no_tls_verfy");
        var diagnostic = page.Page.Locator("#diagnostics li", new() { HasText = "no_tls_verfy" });
        await Assertions.Expect(diagnostic).ToHaveCountAsync(1);
        await Assertions.Expect(diagnostic).ToContainTextAsync("no_tls_verify");
        var route = page.Page.Locator("#container-routes tbody tr", new() { HasText = hostname });
        await Assertions.Expect(route.Locator(".status")).ToHaveTextAsync("live");
        await Assertions.Expect(route).ToContainTextAsync("http://traced:8080");
        await Assertions.Expect(page.Page.Locator("#changes tbody tr", new() { HasText = "dns.create" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("container");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task ContainerView_UnknownContainer_SaysWhyNothingIsKnown()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/containers/local/no-such-container");
        await Assertions.Expect(page.Page.Locator("#not-known")).ToContainTextAsync("DockFlare holds no container named 'no-such-container'");
        await page.GotoAsync("/containers/");
        await Assertions.Expect(page.Page.Locator("#container-problem")).ToContainTextAsync("/containers/<host>/<name>");
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
