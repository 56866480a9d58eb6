using DockFlare.Agent.Master;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Sends the complete list of the engine's labelled containers (running and stopped) to the master. The list is
/// authoritative there, so nothing is sent when the engine cannot be listed: an empty list would withdraw every route.
/// </summary>
internal sealed class InventoryReporter(
    IContainerRuntime runtime,
    DockFlareLabels labels,
    MasterClient master,
    EventSession session,
    ILogger<InventoryReporter> log) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _lastDiagnostics = "";

    public void Dispose() => _gate.Dispose();

    /// <summary>The containers the master should know, DockFlare labels only.</summary>
    /// <exception cref="ContainerRuntimeUnavailableException">The engine cannot be reached.</exception>
    public async Task<IReadOnlyList<ReportedContainer>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshots = await runtime.ListContainersAsync(labels.EnableKeys, includeStopped: true, cancellationToken).ConfigureAwait(false);
        return [.. snapshots
            .Where(s => !DockFlareLabels.IsOwnContainer(s.Labels))
            .Select(s => new ReportedContainer(s.Id, s.Name, s.IsRunning ? "running" : s.State, labels.Filter(s.Labels)))];
    }

    /// <summary>Lists the engine and sends the list; returns how many containers went.</summary>
    /// <exception cref="ContainerRuntimeUnavailableException">The engine cannot be reached; nothing was sent.</exception>
    /// <exception cref="MasterException">The master did not take it.</exception>
    public async Task<int> SendAsync(string agentId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var containers = await ListAsync(cancellationToken).ConfigureAwait(false);
            var answer = await master.SendInventoryAsync(agentId, new InventoryRequest(session.Id, true, containers), cancellationToken)
                .ConfigureAwait(false);
            var diagnostics = string.Join(Environment.NewLine, answer.Diagnostics ?? []);
            if (diagnostics != _lastDiagnostics)
            {
                _lastDiagnostics = diagnostics;
                foreach (var diagnostic in answer.Diagnostics ?? [])
                {
                    log.LogWarning("The master says about this host's containers: {Diagnostic}", diagnostic);
                }
            }

            log.LogDebug("Inventory sent: {Count} containers, {Accepted} accepted, published {Published}", containers.Count, answer.Accepted, answer.Published);
            return containers.Count;
        }
        finally
        {
            _gate.Release();
        }
    }
}
