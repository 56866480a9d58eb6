using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>The agent lifecycle: register → pending → enrolled (tunnel, <c>start_tunnel</c>) → removing → gone.</summary>
internal sealed partial class AgentRegistry(
    AgentDocuments documents,
    AgentKeyService keys,
    AgentLivenessReader liveness,
    IAgentHeartbeats heartbeats,
    AgentPublisher publisher,
    AgentTunnelAssignments assignments,
    Lazy<IAgentCommands> commands,
    Lazy<ICloudflareTunnels> tunnels,
    CloudflareAccount account,
    AgentsOptions options,
    TimeProvider time,
    ILogger<AgentRegistry> log) : IAgentRegistry
{
    /// <summary>How long a tunnel command waits for the agent before it expires.</summary>
    internal static readonly TimeSpan TunnelCommandLifetime = TimeSpan.FromDays(1);

    public async Task<AgentRegistrationResult> RegisterAsync(AgentKeyInfo key, AgentRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(registration);
        if (key.BoundAgentId is { } bound)
        {
            if (registration.AgentId is { } asked && !string.Equals(asked, bound, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(asked, out _))
            {
                throw new AgentRequestException(AgentRequestError.Forbidden, "key_bound_to_other_agent",
                    "This key belongs to another agent: each agent needs its own key.");
            }

            var refreshed = await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, bound, agent => agent is null ? null : agent with
                {
                    DisplayName = agent.CustomName ? agent.DisplayName : Name(registration, agent.Id),
                    Hostname = Clean(registration.Hostname) ?? agent.Hostname,
                    Version = Clean(registration.Version) ?? agent.Version,
                })
                .ConfigureAwait(false)
                ?? throw new AgentRequestException(AgentRequestError.Forbidden, "agent_removed", "The agent of this key was removed: ask an admin for a new key.");
            if (refreshed.Status == AgentStatus.Removing)
            {
                throw new AgentRequestException(AgentRequestError.Forbidden, "agent_removed", "This agent was removed: ask an admin for a new key.");
            }

            await heartbeats.BeatAsync(refreshed.Id).ConfigureAwait(false);
            if (registration.ReportsTunnel && refreshed is { Status: AgentStatus.Enrolled, TunnelId: { } tunnelId }
                && !string.Equals(registration.TunnelId, tunnelId, StringComparison.OrdinalIgnoreCase))
            {
                // Its saved state was lost or is stale (a volume replaced): without the token its cloudflared would run
                // unsupervised, or not at all after a reboot. Hand the tunnel over again.
                var command = await commands.Value.EnqueueAsync(refreshed.Id, "start_tunnel", TunnelPayload(refreshed), TunnelCommandLifetime, cancellationToken)
                    .ConfigureAwait(false);
                log.LogWarning(
                    "Agent {AgentId} ({DisplayName}) registered without its tunnel {TunnelId} (it has {AgentTunnelId}): its saved state was lost or replaced; command {CommandId} start_tunnel queued",
                    refreshed.Id, refreshed.DisplayName, tunnelId, registration.TunnelId ?? "none", command.Id);
            }

            return new AgentRegistrationResult(refreshed, Created: false, liveness.Intervals);
        }

        // An unbound key registers exactly one new agent. The agent's own id is kept when it is a UUID
        // nobody has; anything else gets a new id, which the agent adopts from the answer.
        var id = registration.AgentId is { } own && Guid.TryParse(own, out var parsed) ? parsed.ToString("D") : Guid.NewGuid().ToString("D");
        if (await documents.GetAsync<AgentRecord>(AgentCollections.Agents, id).ConfigureAwait(false) is not null)
        {
            throw new AgentRequestException(AgentRequestError.Forbidden, "agent_id_taken",
                "An agent with this id is registered with another key: an agent can only be re-registered with its own key.");
        }

        if (!await keys.TryBindAsync(key.KeyId, id).ConfigureAwait(false))
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "key_already_bound", "This key was just bound to another agent: each agent needs its own key.");
        }

        var created = new AgentRecord(id, Name(registration, id), options.EnrollmentRequired ? AgentStatus.Pending : AgentStatus.Enrolled, key.KeyId, time.GetUtcNow())
        {
            Hostname = Clean(registration.Hostname),
            Version = Clean(registration.Version),
        };
        await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, id, _ => created).ConfigureAwait(false);
        await heartbeats.BeatAsync(id).ConfigureAwait(false);
        log.LogInformation("Agent {AgentId} ({DisplayName}) registered with key {KeyId}: {Status}", id, created.DisplayName, key.KeyId, created.Status);
        return new AgentRegistrationResult(created, Created: true, liveness.Intervals);
    }

    public async Task<AgentView?> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false);
        return agent is null ? null : await ViewAsync(agent).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AgentView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<AgentView>();
        foreach (var agent in (await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false))
            .OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            views.Add(await ViewAsync(agent).ConfigureAwait(false));
        }

        return views;
    }

    public async Task<AgentRecord> EnrolAsync(string agentId, string? tunnelId, bool createTunnel, AgentScopes? scopes, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(agentId).ConfigureAwait(false);
        if (agent.Status == AgentStatus.Removing)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "agent_removing", $"Agent '{agent.DisplayName}' is being removed.");
        }

        if (string.IsNullOrWhiteSpace(tunnelId) == !createTunnel)
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "invalid_request", "Give either 'tunnelId' (an existing tunnel of the account) or 'createTunnel': true.");
        }

        // Checked before anything is created: scopes given at enrolment obey the same rules as SetScopesAsync's.
        var normalised = scopes is null ? null : Normalise(scopes);

        var accountId = RequireAccount();
        var others = (await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false)).Where(a => a.Id != agentId).ToList();
        var tunnel = createTunnel
            ? await CreateTunnelAsync(accountId, agent, others, cancellationToken).ConfigureAwait(false)
            : await FindTunnelAsync(accountId, tunnelId!.Trim(), others, cancellationToken).ConfigureAwait(false);
        await assignments.EnsureNotMasterTunnelAsync(tunnel, cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var previous = agent;
        var enrolled = await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, current =>
            {
                previous = current ?? agent;
                var same = string.Equals(previous.TunnelId, tunnel.Id, StringComparison.OrdinalIgnoreCase);
                return previous with
                {
                    Status = AgentStatus.Enrolled,
                    TunnelId = tunnel.Id,
                    TunnelName = tunnel.Name,
                    // Created now (or reused after a half-finished creation), or kept from an earlier enrolment on it.
                    TunnelCreated = createTunnel || (same && previous.TunnelCreated),
                    EnrolledAt = now,
                    Scopes = normalised ?? previous.Scopes,
                    WarnedConnectors = same ? previous.WarnedConnectors : [],
                };
            })
            .ConfigureAwait(false);
        await assignments.MovedAsync(previous, tunnel).ConfigureAwait(false);
        var command = await commands.Value.EnqueueAsync(agentId, "start_tunnel", TunnelPayload(enrolled!), TunnelCommandLifetime, cancellationToken).ConfigureAwait(false);
        log.LogInformation("Agent {AgentId} ({DisplayName}) enrolled on tunnel {TunnelName} ({TunnelId}); command {CommandId} start_tunnel queued",
            agentId, enrolled!.DisplayName, tunnel.Name, tunnel.Id, command.Id);
        await RepublishAsync(enrolled, cancellationToken).ConfigureAwait(false);
        return enrolled;
    }

    public async Task<AgentRecord> RenameAsync(string agentId, string displayName, CancellationToken cancellationToken)
    {
        var name = Clean(displayName);
        if (name is null || !AgentDisplayNames.IsValid(name))
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "invalid_name",
                "'displayName' must be 1 to 64 letters, digits, spaces, '.', '_' or '-'.");
        }

        await RequireAsync(agentId).ConfigureAwait(false);
        return (await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, a => a is null ? null : a with { DisplayName = name, CustomName = true })
            .ConfigureAwait(false))!;
    }

    public async Task<AgentRecord> SetScopesAsync(string agentId, AgentScopes scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var normalised = Normalise(scopes);
        await RequireAsync(agentId).ConfigureAwait(false);
        var agent = (await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, a => a is null ? null : a with { Scopes = normalised })
            .ConfigureAwait(false))!;
        log.LogInformation("Agent {AgentId} may publish zones {Zones} and hostnames {Hostnames}", agentId, normalised.Zones, normalised.Hostnames);
        await RepublishAsync(agent, cancellationToken).ConfigureAwait(false);
        return agent;
    }

    public async Task<AgentCommand> RedeployAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(agentId).ConfigureAwait(false);
        if (agent.Status != AgentStatus.Enrolled || agent.TunnelId is null)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "not_enrolled", $"Agent '{agent.DisplayName}' has no tunnel to redeploy: enrol it first.");
        }

        var command = await commands.Value.EnqueueAsync(agentId, "restart_tunnel", TunnelPayload(agent), TunnelCommandLifetime, cancellationToken).ConfigureAwait(false);
        log.LogInformation("Agent {AgentId}: command {CommandId} restart_tunnel queued", agentId, command.Id);
        return command;
    }

    public async Task<AgentRecord> RemoveAsync(string agentId, bool cascade, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(agentId).ConfigureAwait(false);
        var now = time.GetUtcNow();
        agent = (await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, a => a is null ? null : a with
            {
                Status = AgentStatus.Removing,
                RemovedAt = a.RemovedAt ?? now,
                RemoveCascade = a.RemoveCascade || cascade,
            })
            .ConfigureAwait(false))!;
        await keys.RevokeForRemovalAsync(agent.KeyId).ConfigureAwait(false);
        await commands.Value.CancelAllAsync(agentId, cancellationToken).ConfigureAwait(false);
        await heartbeats.ForgetAsync(agentId).ConfigureAwait(false);
        await publisher.PublishAsync(agent, [], cancellationToken).ConfigureAwait(false);
        log.LogInformation("Agent {AgentId} ({DisplayName}) removed: key {KeyId} revoked, commands cancelled, its routes enter the grace period",
            agentId, agent.DisplayName, agent.KeyId);
        return agent;
    }

    internal static JsonObject TunnelPayload(AgentRecord agent) => new()
    {
        // No token: the command stream adds it at delivery, so it is never stored.
        ["tunnel_id"] = agent.TunnelId,
        ["tunnel_name"] = agent.TunnelName,
    };

    private async Task RepublishAsync(AgentRecord agent, CancellationToken cancellationToken)
    {
        var report = await documents.GetAsync<StoredAgentReport>(AgentCollections.Reports, agent.Id).ConfigureAwait(false);
        await publisher.PublishAsync(agent, report?.Containers ?? [], cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgentView> ViewAsync(AgentRecord agent)
    {
        var (state, seconds) = await liveness.ReadAsync(agent.Id).ConfigureAwait(false);
        var report = await documents.GetAsync<StoredAgentReport>(AgentCollections.Reports, agent.Id).ConfigureAwait(false);
        return new AgentView(agent, state, seconds, report?.Containers.Count ?? 0)
        {
            Cloudflared = await heartbeats.CloudflaredAsync(agent.Id).ConfigureAwait(false),
        };
    }

    private async Task<AgentRecord> RequireAsync(string agentId) =>
        await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false)
        ?? throw new AgentRequestException(AgentRequestError.NotFound, "agent_not_found", $"No agent with id '{agentId}'.");

    private string RequireAccount()
    {
        try
        {
            return account.RequireId();
        }
        catch (ReconcileException e)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "cloudflare_not_configured", e.Message, e);
        }
    }

    private async Task<CloudflareTunnel> CreateTunnelAsync(string accountId, AgentRecord agent, List<AgentRecord> others, CancellationToken cancellationToken)
    {
        var name = "dockflare-agent-" + Slug(agent.DisplayName, agent.Id);
        try
        {
            return (await tunnels.Value.CreateTunnelAsync(accountId, name, cancellationToken).ConfigureAwait(false)).Tunnel;
        }
        catch (CloudflareApiException e) when (e.IsTunnelNameConflict)
        {
            // A tunnel of that name exists (an earlier enrolment that failed half-way): reuse it unless another agent has it.
            var live = await tunnels.Value.ListTunnelsAsync(accountId, TunnelQuery.Live, cancellationToken).ConfigureAwait(false);
            var existing = live.FirstOrDefault(t => t.Name == name && !t.IsDeleted);
            if (existing is null || others.Any(a => a.TunnelId == existing.Id))
            {
                throw new AgentRequestException(AgentRequestError.Conflict, "tunnel_name_taken",
                    $"A tunnel named '{name}' already exists and belongs to another agent: rename this agent or assign a tunnel by id.", e);
            }

            return existing;
        }
        catch (CloudflareApiException e)
        {
            throw new AgentRequestException(AgentRequestError.Upstream, "cloudflare_error", $"Cloudflare refused to create tunnel '{name}': {e.Message}", e);
        }
    }

    private async Task<CloudflareTunnel> FindTunnelAsync(string accountId, string tunnelId, List<AgentRecord> others, CancellationToken cancellationToken)
    {
        CloudflareTunnel? tunnel;
        try
        {
            tunnel = await tunnels.Value.GetTunnelAsync(accountId, tunnelId, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new AgentRequestException(AgentRequestError.Upstream, "cloudflare_error", $"Cannot read tunnel {tunnelId}: {e.Message}", e);
        }

        if (tunnel is null || tunnel.IsDeleted)
        {
            throw new AgentRequestException(AgentRequestError.NotFound, "tunnel_not_found", $"The account has no live tunnel with id '{tunnelId}'.");
        }

        if (others.FirstOrDefault(a => a.TunnelId == tunnel.Id) is { } owner)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "tunnel_in_use",
                $"Tunnel '{tunnel.Name}' is already assigned to agent '{owner.DisplayName}': one tunnel per agent.");
        }

        return tunnel;
    }

    private static AgentScopes Normalise(AgentScopes scopes)
    {
        var zones = scopes.Zones.Select(z => z.Trim().TrimEnd('.').ToLowerInvariant()).Where(z => z.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var hostnames = scopes.Hostnames.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (zones.FirstOrDefault(z => !ZonePattern().IsMatch(z)) is { } badZone)
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "invalid_scope", $"'{badZone}' is not a zone name (like example.com).");
        }

        if (hostnames.FirstOrDefault(h => !HostnamePatternPattern().IsMatch(h)) is { } badHost)
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "invalid_scope",
                $"'{badHost}' is not a hostname pattern (like app.example.com or *.apps.example.com; '*' stays inside one label).");
        }

        return new AgentScopes(zones, hostnames);
    }

    private static string Name(AgentRegistration registration, string id)
    {
        var name = Clean(registration.DisplayName) ?? Clean(registration.Hostname);
        return name is not null && AgentDisplayNames.IsValid(name) ? name : "agent-" + id[..8];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Slug(string displayName, string id)
    {
        var slug = SlugPattern().Replace(displayName.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? id[..8] : slug[..Math.Min(slug.Length, 40)];
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonePattern();

    [GeneratedRegex("^([a-z0-9*]([a-z0-9*-]{0,61}[a-z0-9*])?\\.)+[a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex HostnamePatternPattern();
}
