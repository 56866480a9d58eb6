using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>The Agents pages: a key generated and shown once, an agent registering with it over the agent API, enrolled and managed in the UI.</summary>
[Trait("Category", "Browser")]
public sealed class AgentsPageTests : IClassFixture<AdminSession>
{
    private const string ViewerPassword = "agents-viewer-password";
    private readonly AdminSession _session;

    public AgentsPageTests(AdminSession session) => _session = session;

    private IAgentRegistry Registry => _session.Master.Services.GetRequiredService<IAgentRegistry>();

    [Fact]
    public async Task AgentKey_GeneratedInTheUi_ShownOnceThenItsAgentIsEnrolledRenamedAndRedeployed()
    {
        await using var page = await _session.OpenAsAdminAsync();
        var name = "nas-" + _session.Master.Suffix;
        await page.GotoAsync("/agents");
        await page.Page.GetByLabel("Label").FillAsync(name);
        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Generate an agent key" }).ClickAsync(),
            response => response.Request.Method == "POST");

        Assert.Contains("no-store", await answer.HeaderValueAsync("cache-control"), StringComparison.Ordinal);
        var secret = (await page.Page.Locator("#new-agent-key").TextContentAsync())!.Trim();
        Assert.StartsWith("dfa_", secret, StringComparison.Ordinal);
        var snippet = (await page.Page.Locator("#compose-snippet").TextContentAsync())!;
        Assert.Contains($"DOCKFLARE_API_KEY: \"{secret}\"", snippet, StringComparison.Ordinal);
        Assert.Contains($"DOCKFLARE_MASTER_URL: \"{_session.Master.BaseAddress.ToString().TrimEnd('/')}\"", snippet, StringComparison.Ordinal);
        Assert.Contains($"AGENT_DISPLAY_NAME: \"{name}\"", snippet, StringComparison.Ordinal);

        // Shown once: a reload lists the key, never its secret.
        await page.GotoAsync("/agents");
        Assert.DoesNotContain(secret, await page.Page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Page.Locator("#agent-keys tbody tr", new() { HasText = name })).ToContainTextAsync("not used yet");

        using var agent = new HttpAgent(_session.Master.BaseAddress, secret);
        var agentId = await agent.RegisterAsync(name, "nas.lan");
        await agent.HeartbeatAsync("none");
        await page.GotoAsync("/agents");
        var row = page.Page.Locator("#agents tbody tr", new() { HasText = name });
        await Assertions.Expect(row.Locator("[data-label='State']")).ToHaveTextAsync("pending");
        await Assertions.Expect(row).ToContainTextAsync("nas.lan");
        await Assertions.Expect(row.Locator("[data-label='Liveness']")).ToHaveTextAsync("online");

        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.Page.GetByLabel("Hostname patterns it may publish").FillAsync("*.nas.example.com");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync($"Enrolled '{name}' on tunnel dockflare-agent-{name}");
        await Assertions.Expect(page.Page.Locator("#agent-status")).ToHaveTextAsync("enrolled");
        await Assertions.Expect(page.Page.Locator("#agent-tunnel")).ToContainTextAsync($"dockflare-agent-{name}");
        await Assertions.Expect(page.Page.Locator("#agent-scopes")).ToContainTextAsync("*.nas.example.com");
        Assert.Equal(["start_tunnel"], await agent.CompleteCommandsAsync());
        var tunnelId = (await Registry.GetAsync(agentId, CancellationToken.None))!.Agent.TunnelId;
        await agent.HeartbeatAsync("running", tunnelId);

        await page.Page.GetByLabel("Display name").FillAsync(name + "-renamed");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync($"Renamed the agent to '{name}-renamed'");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Redeploy" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync("Queued restart_tunnel");
        var commands = page.Page.Locator("#commands tbody tr");
        await Assertions.Expect(commands.Filter(new() { HasText = "restart_tunnel" }).Locator("[data-label='State']")).ToHaveTextAsync("pending");
        await Assertions.Expect(commands.Filter(new() { HasText = "start_tunnel" }).Filter(new() { HasNotText = "restart_tunnel" }).Locator("[data-label='State']"))
            .ToHaveTextAsync("succeeded");
        await Assertions.Expect(page.Page.Locator("#agent-cloudflared")).ToContainTextAsync("running");
        await page.ScreenshotAsync("agent");

        await page.GotoAsync("/agents");
        row = page.Page.Locator("#agents tbody tr", new() { HasText = name + "-renamed" });
        await Assertions.Expect(row.Locator("[data-label='State']")).ToHaveTextAsync("enrolled");
        await Assertions.Expect(row.Locator("[data-label='Tunnel']")).ToContainTextAsync($"dockflare-agent-{name}");
        await Assertions.Expect(row.Locator("[data-label='cloudflared']")).ToHaveTextAsync("running");
        await page.ScreenshotAsync("agents");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task AgentRemove_DialogDismissed_KeepsTheAgentThenRevokeKeyAndRemoveAccepted()
    {
        var (agent, agentId) = await RegisteredAgentAsync("kept-" + _session.Master.Suffix);
        using var _ = agent;
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync($"/agents/{agentId}");

        EventHandler<IDialog> dismiss = (_, dialog) => dialog.DismissAsync();
        page.Page.Dialog += dismiss;
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.GotoAsync($"/agents/{agentId}");
        await Assertions.Expect(page.Page.Locator("#agent-status")).ToHaveTextAsync("pending");
        Assert.Equal(AgentStatus.Pending, (await Registry.GetAsync(agentId, CancellationToken.None))!.Agent.Status);
        page.Page.Dialog -= dismiss;

        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync("Revoked key");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await agent.HeartbeatStatusAsync());

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agents");
        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync("Removed 'kept-");
        Assert.NotEqual(AgentStatus.Pending, (await Registry.GetAsync(agentId, CancellationToken.None))?.Agent.Status);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task AgentKey_RolledThenRevokedInTheUi_NewSecretShownOnceAndKeyMarkedRevoked()
    {
        var (keyId, _) = await NewKeyAsync("roll-" + _session.Master.Suffix);
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/agents");
        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Roll key {keyId}" }).ClickAsync();
        var rolled = (await page.Page.Locator("#new-agent-key").TextContentAsync())!.Trim();
        Assert.StartsWith($"dfa_{keyId}_", rolled, StringComparison.Ordinal);
        await Assertions.Expect(page.Page.Locator("#compose-snippet")).ToContainTextAsync(rolled);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Revoke key {keyId}" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("main [role=status]")).ToContainTextAsync($"Revoked agent key '{keyId}'");
        await Assertions.Expect(page.Page.Locator($"#agent-keys tr[data-key='{keyId}'] [data-label='State']")).ToContainTextAsync("revoked");
        Assert.DoesNotContain(rolled, await page.Page.ContentAsync(), StringComparison.Ordinal);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task AgentRename_InvalidName_ShowsTheRegistrysReason()
    {
        var (agent, agentId) = await RegisteredAgentAsync("named-" + _session.Master.Suffix);
        using var _ = agent;
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync($"/agents/{agentId}");
        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.Page.GetByLabel("Display name").FillAsync("no/slashes");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("main [role=alert]")).ToContainTextAsync("'displayName' must be 1 to 64 letters");
        Assert.Equal("named-" + _session.Master.Suffix, (await Registry.GetAsync(agentId, CancellationToken.None))!.Agent.DisplayName);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Agents_AsAViewer_ShowNoActionAndAForgedRemoveIsRefused()
    {
        var (agent, agentId) = await RegisteredAgentAsync("watched-" + _session.Master.Suffix);
        using var _ = agent;
        await _session.Master.Services.GetRequiredService<UserStore>().SaveAsync(
            new UserAccount("agents-viewer", PasswordSignIn.Hash(ViewerPassword), Roles.Viewer, 0, null, DateTimeOffset.UtcNow, null), CancellationToken.None);
        await using var viewer = await _session.OpenAsync(width: 390, height: 844);
        await viewer.SignInAsync("agents-viewer", ViewerPassword);

        await viewer.GotoAsync("/agents");
        await Assertions.Expect(viewer.Page.Locator("#agents tbody tr", new() { HasText = "watched-" })).ToContainTextAsync("pending");
        await Assertions.Expect(viewer.Page.Locator("main button, main form")).ToHaveCountAsync(0);
        Assert.True(await viewer.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the list is wider than a phone");
        await viewer.GotoAsync($"/agents/{agentId}");
        await Assertions.Expect(viewer.Page.Locator("#agent-status")).ToHaveTextAsync("pending");
        await Assertions.Expect(viewer.Page.Locator("main button, main form")).ToHaveCountAsync(0);

        // A forged POST with the viewer's own valid antiforgery token (from the sign-out form) is refused.
        var token = await viewer.Page.Locator("form.signout input[name='__RequestVerificationToken']").InputValueAsync();
        var forged = await viewer.Page.APIRequest.PostAsync($"/agents/{agentId}?handler=Remove", new()
        {
            Form = viewer.Page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("cascade", "true"),
            MaxRedirects = 0,
        });

        Assert.True(forged.Status is 302 or 403, $"the forged POST answered {forged.Status}");
        if (forged.Status == 302)
        {
            Assert.Contains("/denied", forged.Headers["location"], StringComparison.Ordinal);
        }

        Assert.Equal(AgentStatus.Pending, (await Registry.GetAsync(agentId, CancellationToken.None))!.Agent.Status);
        viewer.AssertNoConsoleProblems();
    }

    private async Task<(string KeyId, string Secret)> NewKeyAsync(string label)
    {
        using var response = await _session.Master.Api.PostAsJsonAsync("/api/v2/agent-keys", new { label });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("secret").GetString()!);
    }

    private async Task<(HttpAgent Agent, string AgentId)> RegisteredAgentAsync(string name)
    {
        var (_, secret) = await NewKeyAsync(name);
        var agent = new HttpAgent(_session.Master.BaseAddress, secret);
        return (agent, await agent.RegisterAsync(name, name + ".lan"));
    }
}
