using DockFlare.Host.Api;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>Manual rules made in the UI go through the same label engine as the REST API.</summary>
[Trait("Category", "Browser")]
public sealed class RulesPageTests : IClassFixture<AdminSession>
{
    private readonly AdminSession _session;

    public RulesPageTests(AdminSession session) => _session = session;

    private string Tunnel => "ui-" + _session.Master.Suffix;

    [Fact]
    public async Task RuleForm_BadService_CheckShowsEngineErrorAndSaveStoresNothing()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/rules/edit");
        await FillAsync(page, "bad-rule", "bad.example.com", "htp:/x");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        var check = page.Page.Locator("#rule-check");
        await Assertions.Expect(check).ToContainTextAsync("error");
        await Assertions.Expect(check).ToContainTextAsync("htp:/x");
        await Assertions.Expect(page.Page.GetByLabel("Service", new() { Exact = true })).ToHaveValueAsync("htp:/x");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var alert = page.Page.Locator("#rule-problem");
        await Assertions.Expect(alert).ToContainTextAsync("The rule is not valid:");
        await Assertions.Expect(alert).ToContainTextAsync("htp:/x");
        await page.ScreenshotAsync("rules-invalid");
        var stored = await _session.Master.Services.GetRequiredService<ManualRuleStore>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(stored, r => r.Id == "bad-rule");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task RuleForm_UnknownTunnel_NamesTheKnownTunnels()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/rules/edit");
        await FillAsync(page, "", "nowhere.example.com", "http://app:80", tunnel: "no-such-tunnel");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#rule-problem")).ToContainTextAsync($"No tunnel is named 'no-such-tunnel': the known tunnels are {Tunnel}");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task RuleForm_GoodRule_SavedListedEditedLiveOnDashboardThenDeleted()
    {
        await using var page = await _session.OpenAsAdminAsync();
        var hostname = $"manual-{_session.Master.Suffix}.example.com";
        await page.GotoAsync("/rules");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "New rule" }).ClickAsync();
        await FillAsync(page, "good-rule", hostname, "http://app:8080");
        await page.Page.GetByLabel("Origin options").FillAsync("no_tls_verify=true");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#rule-check")).ToContainTextAsync("No error: this rule can be saved.");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/rules");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Saved manual rule 'good-rule'");
        var row = page.Page.Locator("#rules tbody tr", new() { HasText = "good-rule" });
        await Assertions.Expect(row).ToContainTextAsync("no_tls_verify=true");
        await page.ScreenshotAsync("rules");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByLabel("Hostname", new() { Exact = true })).ToHaveValueAsync(hostname);
        await page.Page.GetByLabel("Service", new() { Exact = true }).FillAsync("http://app:9090");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("http://app:9090");

        await page.GotoAsync("/");
        var route = page.Page.Locator("#routes tbody tr", new() { HasText = hostname });
        await Assertions.Expect(route.Locator(".status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        await Assertions.Expect(route).ToContainTextAsync("manual: good-rule");

        await page.GotoAsync("/rules");
        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Delete good-rule" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted manual rule 'good-rule'");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task RuleForm_DeleteDismissed_KeepsTheRule()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/rules/edit");
        await FillAsync(page, "kept-rule", $"kept-{_session.Master.Suffix}.example.com", "http://app:80");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/rules");

        page.Page.Dialog += (_, dialog) => dialog.DismissAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Delete kept-rule" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#rules tbody tr", new() { HasText = "kept-rule" })).ToHaveCountAsync(1);
        var stored = await _session.Master.Services.GetRequiredService<ManualRuleStore>().ListAsync(CancellationToken.None);
        Assert.Contains(stored, r => r.Id == "kept-rule");
        page.AssertNoConsoleProblems();
    }

    private async Task FillAsync(UiPage page, string id, string hostname, string service, string? tunnel = null)
    {
        await page.Page.GetByLabel("Id (optional").FillAsync(id);
        await page.Page.GetByLabel("Tunnel", new() { Exact = true }).FillAsync(tunnel ?? Tunnel);
        await page.Page.GetByLabel("Hostname", new() { Exact = true }).FillAsync(hostname);
        await page.Page.GetByLabel("Service", new() { Exact = true }).FillAsync(service);
    }
}
