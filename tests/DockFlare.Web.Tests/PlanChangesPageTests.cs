using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.Host.Api;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>
/// The plan shows a conflict with an object DockFlare did not make, adopting it and applying the plan fix it, and the
/// change log shows what was written with the cause it was written for.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PlanChangesPageTests : IClassFixture<AdminSession>
{
    private readonly AdminSession _session;

    public PlanChangesPageTests(AdminSession session) => _session = session;

    [Fact]
    public async Task Plan_ForeignDnsRecordInTheWay_ShowsConflictAdoptApplyThenChangeLogShowsTheCause()
    {
        var hostname = $"taken-{_session.Master.Suffix}.example.com";
        using var cloudflare = _session.Master.CloudflareClient();
        var zoneId = await ZoneIdAsync(cloudflare, "example.com");
        var created = await cloudflare.PostAsJsonAsync(
            new Uri($"zones/{zoneId}/dns_records", UriKind.Relative),
            new { type = "CNAME", name = hostname, content = "elsewhere.example.net", proxied = true, ttl = 1 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await _session.Master.Services.GetRequiredService<ManualRuleEditor>().CreateAsync(
            new ManualRuleRequest { Id = "taken", Tunnel = "ui-" + _session.Master.Suffix, Hostname = hostname, Service = "http://app:80" },
            "test", CancellationToken.None);

        await using var page = await _session.OpenAsAdminAsync();
        var route = page.Page.Locator("#routes tbody tr", new() { HasText = hostname });
        await Assertions.Expect(route.Locator(".status")).ToHaveTextAsync("conflict", new() { Timeout = 30_000 });
        await page.Page.GetByLabel("Status").SelectOptionAsync("conflict");
        await Assertions.Expect(route).ToBeVisibleAsync();

        await page.GotoAsync("/plan");
        var finding = page.Page.Locator("#findings tbody tr[data-kind='conflict']", new() { HasText = hostname });
        await Assertions.Expect(finding).ToBeVisibleAsync();
        await Assertions.Expect(finding).ToContainTextAsync("No overwrite");
        await page.ScreenshotAsync("plan");

        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await finding.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#plan-message")).ToContainTextAsync($"Adopted DNS CNAME record {hostname}");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#plan-message")).ToContainTextAsync("Applied:");
        await Assertions.Expect(page.Page.Locator("#outcome")).ToContainTextAsync("ui by " + AdminSession.AdminName);
        await Assertions.Expect(page.Page.Locator("#findings tbody tr", new() { HasText = hostname })).ToHaveCountAsync(0);

        var record = await RecordAsync(cloudflare, zoneId, hostname);
        Assert.EndsWith(".cfargotunnel.com", record.GetProperty("content").GetString(), StringComparison.Ordinal);

        await page.GotoAsync("/changes");
        await page.Page.GetByLabel("Search").FillAsync(hostname);
        await page.Page.GetByLabel("Cause").FillAsync("ui by " + AdminSession.AdminName);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var write = page.Page.Locator("#changes tbody tr[data-kind='dns.update']", new() { HasText = hostname });
        await Assertions.Expect(write).ToHaveCountAsync(1);
        await Assertions.Expect(write.Locator(".cause")).ToContainTextAsync($"(manual rule 'taken') [trigger: drift repair, ui by {AdminSession.AdminName}]");
        await Assertions.Expect(write.Locator(".value.before")).ToContainTextAsync("elsewhere.example.net");
        await page.ScreenshotAsync("changes");

        await page.Page.GetByLabel("Cause").FillAsync("");
        await page.Page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "adopt.*" });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#changes tbody tr", new() { HasText = hostname }).First).ToContainTextAsync("in the ui");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Plan_Ignore_HidesTheFindingUntilShownAgain()
    {
        var hostname = $"ignored-{_session.Master.Suffix}.example.com";
        using var cloudflare = _session.Master.CloudflareClient();
        var zoneId = await ZoneIdAsync(cloudflare, "example.com");
        await cloudflare.PostAsJsonAsync(
            new Uri($"zones/{zoneId}/dns_records", UriKind.Relative),
            new { type = "A", name = hostname, content = "192.0.2.10", proxied = false, ttl = 1 });
        await _session.Master.Services.GetRequiredService<ManualRuleEditor>().CreateAsync(
            new ManualRuleRequest { Id = "ignored", Tunnel = "ui-" + _session.Master.Suffix, Hostname = hostname, Service = "http://app:80" },
            "test", CancellationToken.None);

        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/plan");
        var finding = page.Page.Locator("#findings tbody tr", new() { HasText = hostname });
        await Assertions.Expect(finding).ToHaveCountAsync(1);
        await finding.GetByRole(AriaRole.Button, new() { Name = "Ignore" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#plan-message")).ToContainTextAsync("Ignored:");
        await Assertions.Expect(finding).ToHaveCountAsync(0);

        await page.GotoAsync("/plan");
        await Assertions.Expect(finding).ToHaveCountAsync(0);
        await page.Page.Locator("#ignored summary").ClickAsync();
        var ignored = page.Page.Locator("#ignored li", new() { HasText = hostname });
        await Assertions.Expect(ignored).ToContainTextAsync("ignored by " + AdminSession.AdminName);
        await ignored.GetByRole(AriaRole.Button, new() { Name = "Un-ignore" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#plan-message")).ToHaveTextAsync("The item is shown again.");
        await Assertions.Expect(finding).ToHaveCountAsync(1);
        page.AssertNoConsoleProblems();
    }

    private static async Task<string> ZoneIdAsync(HttpClient cloudflare, string name)
    {
        using var zones = JsonDocument.Parse(await cloudflare.GetStringAsync(new Uri($"zones?name={name}", UriKind.Relative)));
        return zones.RootElement.GetProperty("result")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> RecordAsync(HttpClient cloudflare, string zoneId, string hostname)
    {
        using var records = JsonDocument.Parse(await cloudflare.GetStringAsync(new Uri($"zones/{zoneId}/dns_records?name={hostname}", UriKind.Relative)));
        return records.RootElement.GetProperty("result")[0].Clone();
    }
}
