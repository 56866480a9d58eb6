using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Modules.Access;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>Access groups made in the UI are validated like the REST API's and reach the sandbox's Cloudflare as one policy with every rule.</summary>
[Trait("Category", "Browser")]
public sealed class AccessGroupsPageTests : IClassFixture<AdminSession>
{
    private readonly AdminSession _session;

    public AccessGroupsPageTests(AdminSession session) => _session = session;

    [Fact]
    public async Task GroupForm_TwoIncludeRules_ListedThenSyncedWithBothRules()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/access-groups");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "New group" }).ClickAsync();
        await page.Page.GetByLabel("Id (lower-case").FillAsync("staff");
        await page.Page.GetByLabel("Name (optional)").FillAsync("Staff");
        await page.Page.GetByLabel("Include (one rule").FillAsync("email=alice@example.com\nemail_domain=staff.example.com");
        await page.Page.GetByLabel("Session duration").FillAsync("12h");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/access-groups");
        await Assertions.Expect(page.Page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved Access group 'staff'");
        var row = page.Page.Locator("#groups tbody tr[data-group='staff']");
        await Assertions.Expect(row).ToContainTextAsync("email=alice@example.com");
        await Assertions.Expect(row).ToContainTextAsync("email_domain=staff.example.com");
        await Assertions.Expect(row).ToContainTextAsync("12h");

        // The save asked for a reconcile; its pass syncs the group's policy.
        await WaitForSyncedAsync(page, "staff");
        await page.ScreenshotAsync("access-groups");
        var policy = await PolicyAsync("DockFlare-AccessGroup-staff");
        Assert.Equal(
            ["""{"email":{"email":"alice@example.com"}}""", """{"email_domain":{"domain":"staff.example.com"}}"""],
            policy.GetProperty("include").EnumerateArray().Select(r => r.GetRawText()));
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task GroupForm_BadRules_ShowsWhichRuleIsWrongAndStoresNothing()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/access-groups/edit");
        await page.Page.GetByLabel("Id (lower-case").FillAsync("bad-group");
        await page.Page.GetByLabel("Include (one rule").FillAsync("email=alice@example.com\nemial=bob@example.com");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var alert = page.Page.Locator("#group-problem");
        await Assertions.Expect(alert).ToContainTextAsync("Include, line 2: 'emial=bob@example.com' is not a rule");
        await Assertions.Expect(page.Page.GetByLabel("Include (one rule")).ToHaveValueAsync("email=alice@example.com\nemial=bob@example.com");

        await page.Page.GetByLabel("Include (one rule").FillAsync("email=alice@example.com\nemail=not-an-address");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(alert).ToContainTextAsync("Access group 'bad-group', include rule 2");
        await Assertions.Expect(alert).ToContainTextAsync("'not-an-address' is not an e-mail address");

        Assert.Null(await Groups.GetAsync("bad-group", CancellationToken.None));
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task GroupForm_Edit_ChangesTheStoredGroup()
    {
        await CreateAsync("editors");
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/access-groups");
        var row = page.Page.Locator("#groups tbody tr[data-group='editors']");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByLabel("Include (one rule")).ToHaveValueAsync("email=editors@example.com");
        await page.Page.GetByLabel("Include (one rule").FillAsync("email=editors@example.com\nemail=chief@example.com");
        await page.Page.GetByLabel("Exclude (one rule").FillAsync("geo=KP");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved Access group 'editors'");
        await Assertions.Expect(row).ToContainTextAsync("email=chief@example.com");
        await Assertions.Expect(row).ToContainTextAsync("geo=KP");
        var stored = await Groups.GetAsync("editors", CancellationToken.None);
        Assert.Equal(2, stored!.Group.Include.Count);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task GroupList_DeleteDismissedKeepsItConfirmedDeletesIt()
    {
        await CreateAsync("temporary");
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/access-groups");
        var row = page.Page.Locator("#groups tbody tr[data-group='temporary']");

        void Dismiss(object? sender, IDialog dialog) => _ = dialog.DismissAsync();
        page.Page.Dialog += Dismiss;
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Delete temporary" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.NotNull(await Groups.GetAsync("temporary", CancellationToken.None));
        page.Page.Dialog -= Dismiss;

        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Delete temporary" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("p.notice[role=status]")).ToContainTextAsync("Deleted Access group 'temporary'");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Null(await Groups.GetAsync("temporary", CancellationToken.None));
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task GroupList_SystemGroups_ShownReadOnlyWithAnExplanation()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/access-groups");

        await Assertions.Expect(page.Page.Locator("#system-explanation")).ToContainTextAsync("cannot be edited or deleted");
        foreach (var id in new[] { "public-default-bypass", "authenticated-default" })
        {
            var row = page.Page.Locator($"#groups tbody tr[data-group='{id}']");
            await Assertions.Expect(row).ToContainTextAsync("system");
            await Assertions.Expect(row).ToContainTextAsync("read-only");
            await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
            await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Page.Locator("#groups tbody tr[data-group='public-default-bypass']")).ToContainTextAsync("everyone");
        await page.GotoAsync("/access-groups/edit/public-default-bypass");
        await Assertions.Expect(page.Page.Locator("#system-note")).ToContainTextAsync("cannot be edited");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.GetByLabel("Include (one rule")).ToBeDisabledAsync();
        page.AssertNoConsoleProblems();
    }

    private IAccessGroups Groups => _session.Master.Services.GetRequiredService<IAccessGroups>();

    private async Task CreateAsync(string id)
    {
        var response = await _session.Master.Api.PostAsJsonAsync(new Uri("/api/v2/access-groups", UriKind.Relative),
            new { id, decision = "allow", include = new object[] { new { email = new { email = $"{id}@example.com" } } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task WaitForSyncedAsync(UiPage page, string id)
    {
        var sync = page.Page.Locator($"#groups tbody tr[data-group='{id}'] .sync");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await sync.TextContentAsync() != "synced")
        {
            Assert.True(DateTime.UtcNow < deadline, $"group {id} was not synced in 30 s: {await sync.TextContentAsync()}");
            await Task.Delay(500);
            await page.GotoAsync("/access-groups");
        }
    }

    private async Task<JsonElement> PolicyAsync(string name)
    {
        var emulator = _session.Master.Services.GetRequiredService<RunningEmulator>();
        using var cf = new HttpClient { BaseAddress = emulator.BaseUrl };
        cf.DefaultRequestHeaders.Authorization = new("Bearer", emulator.Token);
        using var policies = JsonDocument.Parse(await cf.GetStringAsync(new Uri($"accounts/{emulator.AccountId}/access/policies", UriKind.Relative)));
        return Assert.Single(policies.RootElement.GetProperty("result").EnumerateArray(), p => p.GetProperty("name").GetString() == name).Clone();
    }
}
