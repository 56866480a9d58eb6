using DockFlare.Host.Api;
using DockFlare.Host.Web.Agents;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Agents;

/// <summary>
/// The agents with their liveness, and the agent keys: generated here (the secret and a compose file shown once, in the
/// answer to the POST only), revoked and rolled here. The same services as the REST API do the work.
/// </summary>
internal sealed class AgentListModel(IAgentRegistry registry, IAgentKeys keys, AuthOptions auth, TimeProvider time, ILogger<AgentListModel> log)
    : PageModel
{
    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];

    public IReadOnlyList<AgentKeyInfo> Keys { get; private set; } = [];

    /// <summary>The key just generated or rolled; rendered once, never stored in plain text.</summary>
    public IssuedAgentKey? Issued { get; private set; }

    /// <summary>The compose file for <see cref="Issued"/>.</summary>
    public string? Snippet { get; private set; }

    /// <summary>Why the snippet's master URL may not work from the agent's host, or null.</summary>
    public string? SnippetWarning { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The display name of the agent a key is bound to, or its id when that agent is gone.</summary>
    public string AgentName(string agentId) => Agents.FirstOrDefault(a => a.Agent.Id == agentId)?.Agent.DisplayName ?? agentId;

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow();
        Agents = [.. (await registry.ListAsync(HttpContext.RequestAborted)).Select(view => new AgentRow(view, now))];
        Keys = await keys.ListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostGenerateAsync(string? label)
    {
        var (clean, problem) = AgentAdminInput.Label(label);
        if (problem is null)
        {
            var issued = await keys.GenerateAsync(clean, HttpContext.RequestAborted);
            log.LogInformation("{Admin} generated the agent key {KeyId}", User.Identity?.Name, issued.Key.KeyId);
            Show(issued);
        }

        Problem = problem;
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRollAsync(string? keyId)
    {
        try
        {
            if (await keys.RollAsync(keyId ?? "", HttpContext.RequestAborted) is { } issued)
            {
                log.LogInformation("{Admin} rolled the agent key {KeyId}", User.Identity?.Name, issued.Key.KeyId);
                Show(issued);
            }
            else
            {
                Problem = $"There is no agent key '{keyId}'.";
            }
        }
        catch (AgentRequestException e)
        {
            Problem = e.Message;
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? keyId)
    {
        if (await keys.RevokeAsync(keyId ?? "", HttpContext.RequestAborted) is null)
        {
            Problem = $"There is no agent key '{keyId}'.";
            await OnGetAsync();
            return Page();
        }

        log.LogInformation("{Admin} revoked the agent key {KeyId}", User.Identity?.Name, keyId);
        Notice = $"Revoked agent key '{keyId}': an agent using it is refused from its next request.";
        return RedirectToPage();
    }

    private void Show(IssuedAgentKey issued)
    {
        Issued = issued;
        var masterUrl = AgentComposeSnippet.MasterUrl(auth, Request);
        Snippet = AgentComposeSnippet.Render(masterUrl, issued.Secret, issued.Key.Label);
        SnippetWarning = AgentComposeSnippet.UrlWarning(auth, masterUrl);
        // The answer holds a secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
    }
}
