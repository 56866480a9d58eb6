using DockFlare.Host.Api;
using DockFlare.Host.Web.Agents;
using DockFlare.Modules.Agents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Agents;

/// <summary>
/// One agent: its details and command history, and the admin's actions on it (enrol, rename, scopes, redeploy, stop
/// the tunnel, change the cloudflared image, resync, revoke its key, remove). Each action calls the same service as the
/// REST API; a refusal is shown on the page with the service's own words.
/// </summary>
internal sealed class AgentDetailModel(
    IAgentRegistry registry, IAgentKeys keys, IAgentControl control, IAgentCommands commands, TimeProvider time, ILogger<AgentDetailModel> log)
    : PageModel
{
    public AgentRow Row { get; private set; } = null!;

    public AgentKeyInfo? Key { get; private set; }

    public IReadOnlyList<AgentCommandHistoryEntry> History { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnrolAsync(string id, string? tunnelId, string? zones, string? hostnames)
    {
        var (scopes, problem) = ScopeLines.Parse(zones, hostnames);
        return RunAsync(id, problem, async () =>
        {
            var create = string.IsNullOrWhiteSpace(tunnelId);
            var agent = await registry.EnrolAsync(id, create ? null : tunnelId, create, scopes, HttpContext.RequestAborted);
            return $"Enrolled '{agent.DisplayName}' on tunnel {agent.TunnelName}; it is told to start its cloudflared.";
        });
    }

    public Task<IActionResult> OnPostRenameAsync(string id, string? displayName) => RunAsync(id, null, async () =>
        $"Renamed the agent to '{(await registry.RenameAsync(id, displayName ?? "", HttpContext.RequestAborted)).DisplayName}'.");

    public Task<IActionResult> OnPostScopesAsync(string id, string? zones, string? hostnames)
    {
        var (scopes, problem) = ScopeLines.Parse(zones, hostnames);
        return RunAsync(id, problem, async () =>
        {
            await registry.SetScopesAsync(id, scopes!, HttpContext.RequestAborted);
            return "Saved the publish scopes; the agent's last report was checked against them again.";
        });
    }

    public Task<IActionResult> OnPostRedeployAsync(string id) =>
        RunAsync(id, null, async () => Queued(await registry.RedeployAsync(id, HttpContext.RequestAborted)));

    public Task<IActionResult> OnPostStopTunnelAsync(string id) =>
        RunAsync(id, null, async () => Queued(await control.StopTunnelAsync(id, HttpContext.RequestAborted)));

    public Task<IActionResult> OnPostResyncAsync(string id) =>
        RunAsync(id, null, async () => Queued(await control.ResyncAsync(id, HttpContext.RequestAborted)));

    public Task<IActionResult> OnPostUpdateImageAsync(string id, string? image) =>
        RunAsync(id, null, async () => Queued(await control.UpdateImageAsync(id, image?.Trim(), HttpContext.RequestAborted)));

    public Task<IActionResult> OnPostRevokeKeyAsync(string id) => RunAsync(id, null, async () =>
    {
        var agent = await registry.GetAsync(id, HttpContext.RequestAborted)
                    ?? throw new AgentRequestException(AgentRequestError.NotFound, "agent_not_found", $"No agent with id '{id}'.");
        var key = await keys.RevokeAsync(agent.Agent.KeyId, HttpContext.RequestAborted)
                  ?? throw new AgentRequestException(AgentRequestError.NotFound, "key_not_found", $"No agent key with id '{agent.Agent.KeyId}'.");
        return $"Revoked key {key.KeyId}: the agent is refused from its next request until it gets a new key.";
    });

    public async Task<IActionResult> OnPostRemoveAsync(string id, bool cascade)
    {
        var result = await RunAsync(id, null, async () =>
        {
            var agent = await registry.RemoveAsync(id, cascade, HttpContext.RequestAborted);
            return $"Removed '{agent.DisplayName}': its key is revoked, its routes go through the grace period and its tunnel is deleted once free.";
        });
        // The agent is gone (or going) once removal succeeded: the list is where the admin continues.
        return result is RedirectToPageResult ? RedirectToPage("Index") : result;
    }

    private static string Queued(AgentCommand command) => $"Queued {command.Action} (command {command.Id}).";

    /// <summary>Runs an action; success goes back to the page with a notice, a refusal shows the page with the reason.</summary>
    private async Task<IActionResult> RunAsync(string id, string? inputProblem, Func<Task<string>> action)
    {
        var problem = inputProblem;
        if (problem is null)
        {
            try
            {
                var notice = await action();
                log.LogInformation("{Admin} on agent {AgentId}: {Outcome}", User.Identity?.Name, id, notice);
                Notice = notice;
                return RedirectToPage(new { id });
            }
            catch (AgentRequestException e)
            {
                problem = e.Message;
            }
            catch (Exception e) when (ChangeFailures.Describe(e) is { } message)
            {
                problem = message;
            }
        }

        Problem = problem;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await registry.GetAsync(id, HttpContext.RequestAborted) is not { } view)
        {
            return false;
        }

        Row = new AgentRow(view, time.GetUtcNow());
        Key = (await keys.ListAsync(HttpContext.RequestAborted)).FirstOrDefault(k => k.KeyId == view.Agent.KeyId);
        History = await commands.HistoryAsync(id, AgentAdminEndpoints.HistoryLength, HttpContext.RequestAborted);
        return true;
    }
}
