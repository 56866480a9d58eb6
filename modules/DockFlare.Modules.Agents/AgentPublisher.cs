using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Turns an agent's stored report into its route source <c>agent:&lt;id&gt;</c> the way the local source
/// does it (<see cref="ContainerInventory.Merge"/> with grace deadlines), then asks for a reconcile.
/// Pending agents publish nothing; a removed agent publishes an empty list, so its routes go through
/// the normal grace period.
/// </summary>
internal sealed class AgentPublisher(
    IStateStore store, IReconcileTrigger trigger, AgentsOptions options, TimeProvider time, LabelEngineOptions? labels = null)
{
    private const int MaxAttempts = 5;

    public async Task<(bool Published, IReadOnlyList<string> Diagnostics)> PublishAsync(
        AgentRecord agent, IReadOnlyList<ReportedContainer> reported, CancellationToken cancellationToken)
    {
        var inputs = reported.Select(c => ToInput(agent.Id, c)).ToList();
        var (allowed, diagnostics) = AgentScopeCheck.Apply(agent, inputs, labels?.LabelPrefix);
        switch (agent.Status)
        {
            case AgentStatus.Enrolled:
                await MergeAsync(agent.Id, allowed, cancellationToken).ConfigureAwait(false);
                return (true, diagnostics);
            case AgentStatus.Removing:
                await MergeAsync(agent.Id, [], cancellationToken).ConfigureAwait(false);
                return (false, diagnostics);
            default:
                return (false, diagnostics);
        }
    }

    private ContainerInput ToInput(string agentId, ReportedContainer container) =>
        new(container.Id, container.Name, agentId, container.Labels, container.Running ? ContainerState.Running : ContainerState.Stopped)
        {
            // The first time the master saw it (Merge keeps the earliest): agent clocks are never used.
            ClaimedSince = time.GetUtcNow(),
        };

    private async Task MergeAsync(string agentId, IReadOnlyList<ContainerInput> seen, CancellationToken cancellationToken)
    {
        var source = RouteSourceKey.Agent(agentId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetRoutesAsync(source, cancellationToken).ConfigureAwait(false);
            var owners = ContainerInventory.OwnerKeys(current.Routes.Containers, seen);
            var deadlines = (await store.GetGraceDeadlinesAsync(owners, cancellationToken).ConfigureAwait(false))
                .Where(d => d.Source == source)
                .Select(d => d.OwnerKey)
                .ToHashSet(StringComparer.Ordinal);
            var change = ContainerInventory.Merge(current.Routes.Containers, seen, deadlines);
            if (change.Changed)
            {
                try
                {
                    await store.ReplaceRoutesAsync(source, current.Routes with { Containers = change.Containers }, current.Version, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (StateConcurrencyException) when (attempt < MaxAttempts)
                {
                    continue; // another report or the grace job wrote meanwhile: merge again on top of it
                }
            }

            var deleteAt = time.GetUtcNow() + TimeSpan.FromSeconds(options.GracePeriodSeconds);
            foreach (var owner in change.StartDeadlines)
            {
                await store.SetGraceDeadlineAsync(new GraceDeadline(owner, source, deleteAt), cancellationToken).ConfigureAwait(false);
            }

            foreach (var owner in change.ClearDeadlines)
            {
                await store.ClearGraceDeadlineAsync(owner, cancellationToken).ConfigureAwait(false);
            }

            if (change.Changed || change.StartDeadlines.Count > 0 || change.ClearDeadlines.Count > 0)
            {
                trigger.Request("agent " + agentId + " inventory");
            }

            return;
        }
    }
}
