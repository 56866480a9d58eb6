using DockFlare.Core.State;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Reads every stored source (local Docker, each agent, manual rules) into one snapshot.</summary>
internal sealed class SourceReader(IStateStore store)
{
    public async Task<SourceSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var containers = new List<Core.Engine.ContainerInput>();
        var manual = new List<Core.Engine.ManualRule>();
        foreach (var source in await store.ListRouteSourcesAsync(cancellationToken).ConfigureAwait(false))
        {
            var set = (await store.GetRoutesAsync(source, cancellationToken).ConfigureAwait(false)).Routes;
            containers.AddRange(ContainerInventory.ForEngine(set.Containers));
            manual.AddRange(set.ManualRules);
        }

        var deadlines = await store.ListGraceDeadlinesAsync(cancellationToken).ConfigureAwait(false);
        return new SourceSnapshot(containers, manual, deadlines);
    }
}
