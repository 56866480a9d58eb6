using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Master;
using DockFlare.Agent.State;

namespace DockFlare.Agent.Tunnel;

/// <summary>
/// The one place that calls <see cref="ICloudflaredController"/>: commands and the supervision timer go through it, one at
/// a time, and it persists the desired state they imply. After <see cref="Halt"/> (the master refused the key) it never
/// calls the controller again, so cloudflared stays exactly as it is until an admin decides.
/// </summary>
internal sealed class TunnelSupervisor(ICloudflaredController controller, AgentStateStore state, AgentSettings settings, ILogger<TunnelSupervisor> log)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _halted;
    private volatile CloudflaredStatusView _status = CloudflaredStatusView.None;
    private string? _lastLogged;

    /// <summary>What cloudflared did at the last look (never the token).</summary>
    public CloudflaredStatusView Status => _status;

    /// <summary>Whether <see cref="Halt"/> was called.</summary>
    public bool Halted => _halted;

    /// <summary>Whether cloudflared is as it should be: running when a tunnel is desired running, anything otherwise.</summary>
    public bool IsAsDesired => !state.Current.WantsTunnelRunning || _status.State == CloudflaredReport.Running;

    public void Dispose() => _gate.Dispose();

    /// <summary>From now on cloudflared is left exactly as it is.</summary>
    public void Halt() => _halted = true;

    /// <summary>
    /// Brings cloudflared to the persisted desired state when it should run (supervision, and the start from persisted state
    /// without the master). Returns null when nothing should run or the supervisor is halted.
    /// </summary>
    public Task<CloudflaredReport?> EnsureDesiredAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (Desired(state.Current) is not { } desired)
            {
                return null;
            }

            try
            {
                return await controller.EnsureAsync(desired, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudflaredTokenException ex)
            {
                return new CloudflaredReport(CloudflaredReport.Failed, null, null, null, desired.TunnelId, ex.Message);
            }
        });

    /// <summary>Reads what runs now, without changing anything (for <c>/health</c> when no tunnel should run).</summary>
    public Task<CloudflaredReport?> RefreshStatusAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => await controller.GetStatusAsync(cancellationToken).ConfigureAwait(false));

    /// <summary><c>start_tunnel</c>: runs cloudflared for <paramref name="tunnel"/> and remembers it as desired running.</summary>
    /// <exception cref="CloudflaredTokenException">The token is unusable: nothing was changed or saved.</exception>
    public Task<CloudflaredReport?> StartAsync(TunnelAssignment tunnel, CancellationToken cancellationToken) =>
        ApplyAsync(tunnel, redeploy: false, cancellationToken);

    /// <summary><c>restart_tunnel</c>: recreates cloudflared for <paramref name="tunnel"/> and remembers it as desired running.</summary>
    /// <exception cref="CloudflaredTokenException">The token is unusable: nothing was changed or saved.</exception>
    public Task<CloudflaredReport?> RedeployAsync(TunnelAssignment tunnel, CancellationToken cancellationToken) =>
        ApplyAsync(tunnel, redeploy: true, cancellationToken);

    /// <summary><c>stop_tunnel</c>: desired stopped (saved first, so a restart does not bring it back), then removed.</summary>
    public Task<CloudflaredReport?> StopAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            state.Update(s => s with { DesiredState = TunnelDesiredState.Stopped });
            return await controller.RemoveAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// <c>update_image</c>: when cloudflared should run, recreates it from the image and keeps the image only once it runs
    /// (an image that cannot be pulled or does not start leaves the old container and the old image in place, so a later
    /// recreate does not fail on it). When no tunnel should run, the image is saved for the next start. Returns null then.
    /// </summary>
    /// <exception cref="CloudflaredTokenException">The saved token is unusable.</exception>
    public Task<CloudflaredReport?> UpdateImageAsync(string image, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (Desired(state.Current with { ImageOverride = image }) is not { } desired)
            {
                state.Update(s => s with { ImageOverride = image });
                return null;
            }

            var report = await controller.RedeployAsync(desired, cancellationToken).ConfigureAwait(false);
            if (report.State == CloudflaredReport.Running)
            {
                state.Update(s => s with { ImageOverride = image });
            }

            return report;
        });

    /// <summary>The master removed this agent: forget the tunnel, remove cloudflared, and halt.</summary>
    public async Task<CloudflaredReport?> RemoveForRemovalAsync(CancellationToken cancellationToken)
    {
        var report = await RunAsync(async () =>
        {
            state.Update(s => s with { Tunnel = null, DesiredState = TunnelDesiredState.Stopped, ImageOverride = null });
            return await controller.RemoveAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Halt();
        return report;
    }

    private Task<CloudflaredReport?> ApplyAsync(TunnelAssignment tunnel, bool redeploy, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var desired = new CloudflaredDesired(tunnel.TunnelId, tunnel.TunnelName, tunnel.Token, state.Current.ImageOverride ?? settings.CloudflaredImage);
            var report = redeploy
                ? await controller.RedeployAsync(desired, cancellationToken).ConfigureAwait(false)
                : await controller.EnsureAsync(desired, cancellationToken).ConfigureAwait(false);

            // Saved after the controller accepted the token (it throws before changing anything when it is unusable), and
            // even when the engine failed: supervision then keeps trying without the master.
            state.Update(s => s with { Tunnel = tunnel, DesiredState = TunnelDesiredState.Running });
            return report;
        });

    private CloudflaredDesired? Desired(AgentState current) =>
        current is { WantsTunnelRunning: true, Tunnel: { } tunnel }
            ? new CloudflaredDesired(tunnel.TunnelId, tunnel.TunnelName, tunnel.Token, current.ImageOverride ?? settings.CloudflaredImage)
            : null;

    private async Task<CloudflaredReport?> RunAsync(Func<Task<CloudflaredReport?>> action)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_halted)
            {
                return null;
            }

            var report = await action().ConfigureAwait(false);
            if (report is not null)
            {
                Observe(report);
            }

            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Observe(CloudflaredReport report)
    {
        var view = CloudflaredStatusView.From(report);
        _status = view;
        var summary = $"{view.State}|{view.ContainerName}|{view.Image}|{view.TunnelId}|{view.Error}";
        if (summary == _lastLogged)
        {
            return;
        }

        _lastLogged = summary;
        if (report.Error is null)
        {
            log.LogInformation("cloudflared is {State} (container {ContainerName}, image {Image}, tunnel {TunnelId})",
                report.State, report.ContainerName, report.Image, report.TunnelId);
        }
        else
        {
            log.LogWarning("cloudflared is {State} (container {ContainerName}, tunnel {TunnelId}): {Error}",
                report.State, report.ContainerName, report.TunnelId, report.Error);
        }
    }
}
