using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Heartbeats, inventories and events of authenticated agents. Every report is stored raw (pending
/// agents too) and then published through <see cref="AgentPublisher"/>; every report also counts as a
/// heartbeat. Agent timestamps are ignored.
/// </summary>
internal sealed class AgentReports(
    AgentDocuments documents,
    IAgentHeartbeats heartbeats,
    AgentLivenessReader liveness,
    AgentPublisher publisher,
    TimeProvider time,
    ILogger<AgentReports> log) : IAgentReports
{
    /// <summary>The most containers one report may hold.</summary>
    public const int MaxContainers = 5000;

    public async Task<AgentIntervals> HeartbeatAsync(string agentId, CancellationToken cancellationToken)
    {
        await heartbeats.BeatAsync(agentId).ConfigureAwait(false);
        return liveness.Intervals;
    }

    public async Task<AgentIntervals> HeartbeatAsync(string agentId, AgentCloudflaredReport cloudflared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloudflared);
        await heartbeats.BeatAsync(agentId).ConfigureAwait(false);
        await heartbeats.RecordCloudflaredAsync(agentId, new AgentCloudflaredStatus(
            cloudflared.State, cloudflared.ContainerName, cloudflared.Image, cloudflared.TunnelId, cloudflared.Error, cloudflared.AgentVersion,
            time.GetUtcNow())).ConfigureAwait(false);
        return liveness.Intervals;
    }

    public async Task<AgentReportResult> ReportInventoryAsync(string agentId, IReadOnlyList<ReportedContainer> containers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (containers.Count > MaxContainers)
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "too_many_containers", $"A report may list at most {MaxContainers} containers.");
        }

        var agent = await RequireAsync(agentId).ConfigureAwait(false);
        await heartbeats.BeatAsync(agentId).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var report = await documents.UpdateAsync<StoredAgentReport>(AgentCollections.Reports, agentId, current =>
                new StoredAgentReport(Distinct(containers), now) { SessionId = current?.SessionId, LastSequence = current?.LastSequence })
            .ConfigureAwait(false);
        var (published, diagnostics) = await publisher.PublishAsync(agent, report!.Containers, cancellationToken).ConfigureAwait(false);
        LogRejections(agentId, diagnostics);
        return new AgentReportResult(report.Containers.Count, published, diagnostics);
    }

    public async Task<AgentReportResult> ApplyEventsAsync(string agentId, string? sessionId, IReadOnlyList<AgentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var agent = await RequireAsync(agentId).ConfigureAwait(false);
        await heartbeats.BeatAsync(agentId).ConfigureAwait(false);
        var applied = 0;
        var duplicates = 0;
        var now = time.GetUtcNow();
        var report = await documents.UpdateAsync<StoredAgentReport>(AgentCollections.Reports, agentId, current =>
            {
                applied = duplicates = 0;
                var sameSession = current is not null && current.SessionId == sessionId;
                var last = sameSession ? current!.LastSequence : null;
                var list = (current?.Containers ?? []).ToList();
                foreach (var e in events.OrderBy(e => e.Sequence ?? long.MaxValue))
                {
                    if (e.Sequence is { } sequence && last is { } done && sequence <= done)
                    {
                        duplicates++;
                        continue;
                    }

                    if (Apply(list, e))
                    {
                        applied++;
                    }

                    if (e.Sequence is { } seq)
                    {
                        last = seq;
                    }
                }

                return new StoredAgentReport(list, current?.At ?? now) { SessionId = sessionId, LastSequence = last };
            })
            .ConfigureAwait(false);
        IReadOnlyList<string> diagnostics = [];
        var published = false;
        if (applied > 0)
        {
            (published, diagnostics) = await publisher.PublishAsync(agent, report!.Containers, cancellationToken).ConfigureAwait(false);
            LogRejections(agentId, diagnostics);
        }

        return new AgentReportResult(applied, published, diagnostics) { AcceptedThrough = report!.LastSequence, Duplicates = duplicates };
    }

    private static bool Apply(List<ReportedContainer> list, AgentEvent e)
    {
        if (e.Container is not { } container)
        {
            return false;
        }

        var index = list.FindIndex(c => c.Id == container.Id || c.Name == container.Name);
        switch (e.Type)
        {
            case "container_start":
                var started = container with { Running = true };
                if (index >= 0)
                {
                    list[index] = started.Labels.Count == 0 ? list[index] with { Id = container.Id, Running = true } : started;
                }
                else
                {
                    list.Add(started);
                }

                return true;
            case "container_stop" or "container_die":
                if (index >= 0)
                {
                    list[index] = list[index] with { Running = false };
                    return true;
                }

                return false;
            case "container_destroy":
                if (index >= 0)
                {
                    list.RemoveAt(index);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static List<ReportedContainer> Distinct(IReadOnlyList<ReportedContainer> containers) =>
        [.. containers.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.First())];

    private void LogRejections(string agentId, IReadOnlyList<string> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            log.LogWarning("Agent {AgentId}: {Diagnostic}", agentId, diagnostic);
        }
    }

    private async Task<AgentRecord> RequireAsync(string agentId) =>
        await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false)
        ?? throw new AgentRequestException(AgentRequestError.NotFound, "agent_not_found", $"No agent with id '{agentId}'.");
}
