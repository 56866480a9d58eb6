namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Completes once the local Docker source has finished its first full scan (or knows it cannot),
/// so the start-up reconcile never plans from a partial view of the containers (B14, case 3).
/// </summary>
internal sealed class LocalSourceReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}
