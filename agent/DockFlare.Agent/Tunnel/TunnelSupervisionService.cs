using DockFlare.Agent.Cloudflared;

namespace DockFlare.Agent.Tunnel;

/// <summary>
/// Brings cloudflared back from the persisted state at start, before and independently of the master, then checks it every
/// <see cref="AgentTimings.SuperviseInterval"/> while it should run (recreated when missing, stopped or out of date).
/// </summary>
internal sealed class TunnelSupervisionService(
    TunnelSupervisor supervisor, IAgentIdentity identity, AgentTimings timings, ILogger<TunnelSupervisionService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and /health listen) first; the master is not waited for.
        await Task.Yield();
        // Nothing to run: still show what runs (for /health), when there is an agent id to find its container by.
        if (await PassAsync(stoppingToken).ConfigureAwait(false) is null && !supervisor.Halted && identity.AgentId is not null)
        {
            await GuardedAsync(() => supervisor.RefreshStatusAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(timings.SuperviseInterval);
        while (!supervisor.Halted && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await PassAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private Task<CloudflaredReport?> PassAsync(CancellationToken stoppingToken) =>
        GuardedAsync(() => supervisor.EnsureDesiredAsync(stoppingToken), stoppingToken);

    private async Task<CloudflaredReport?> GuardedAsync(Func<Task<CloudflaredReport?>> pass, CancellationToken stoppingToken)
    {
        try
        {
            return await pass().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The boundary of one supervision pass: the controller promises not to throw for engine failures, but a pass
            // that breaks anyway must not end supervision.
            log.LogError(ex, "A cloudflared supervision pass failed; it runs again in {Seconds:0} s", timings.SuperviseInterval.TotalSeconds);
            return null;
        }
    }
}
