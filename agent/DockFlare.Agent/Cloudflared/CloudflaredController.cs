using DockFlare.Hosting.Cloudflared;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Cloudflared;

/// <summary>
/// This agent's one cloudflared container, run through the <see cref="CloudflaredRunner"/> the master uses for its own.
/// </summary>
/// <remarks>
/// The container is named <c>cloudflared-agent-&lt;agent id&gt;</c> (or its second slot <c>...-b</c> after a replacement, see
/// <see cref="CloudflaredContainerName"/>) and labelled <c>managed-by=dockflare</c>, with the tunnel id, the agent id as owner
/// (<see cref="CloudflaredLabels.Instance"/>) and <see cref="CloudflaredLabels.AgentId"/>; restart policy unless-stopped,
/// json-file logs rotated at 3 × 10 MB, token only in <c>TUNNEL_TOKEN</c>. Calls are serialised: the command loop and the
/// supervision timer may call at once. An unreachable engine is <c>docker_unavailable</c>, a refusal <c>failed</c>, each with
/// the error; only an unusable token throws (<see cref="CloudflaredTokenException"/>).
/// </remarks>
internal sealed class CloudflaredController(
    IContainerManager containers,
    IAgentIdentity identity,
    CloudflaredControllerOptions options,
    ILogger<CloudflaredController> log,
    IContainerRuntime? runtime = null) : ICloudflaredController, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CloudflaredRunner _runner = new(containers, runtime) { SettleDelay = options.SettleDelay };
    private CloudflaredReport? _last;

    /// <inheritdoc />
    public Task<CloudflaredReport> EnsureAsync(CloudflaredDesired desired, CancellationToken cancellationToken) =>
        RunAsync(desired, redeploy: false, cancellationToken);

    /// <inheritdoc />
    public Task<CloudflaredReport> RedeployAsync(CloudflaredDesired desired, CancellationToken cancellationToken) =>
        RunAsync(desired, redeploy: true, cancellationToken);

    /// <inheritdoc />
    public Task<CloudflaredReport> RemoveAsync(CancellationToken cancellationToken) =>
        GuardedAsync((name, agentId) => _runner.RemoveAsync(name, agentId, cancellationToken), "remove", cancellationToken);

    /// <inheritdoc />
    public Task<CloudflaredReport> GetStatusAsync(CancellationToken cancellationToken) =>
        GuardedAsync((name, agentId) => _runner.InspectAsync(name, agentId, cancellationToken), null, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private Task<CloudflaredReport> RunAsync(CloudflaredDesired desired, bool redeploy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        try
        {
            // Checked here as well as in the runner so that an unusable token throws even before the agent has an id.
            TunnelTokenCheck.Check(desired.Token, desired.TunnelId);
        }
        catch (InvalidTunnelTokenException ex)
        {
            log.LogError("cloudflared for {Tunnel} is not started: {Reason}", desired.ToString(), ex.Message);
            throw new CloudflaredTokenException(ex.Message);
        }

        return GuardedAsync(
            (name, agentId) =>
            {
                var target = new CloudflaredTarget(name, desired.TunnelId, desired.Token, desired.Image, options.Network, agentId)
                {
                    Command = options.Command,
                    ExtraLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [CloudflaredLabels.AgentId] = agentId },
                };
                return redeploy ? _runner.RedeployAsync(target, cancellationToken) : _runner.EnsureAsync(target, cancellationToken);
            },
            redeploy ? "redeploy" : null,
            cancellationToken);
    }

    /// <summary>Runs one runner call under the gate and turns its answer, or the engine's failure, into a report.</summary>
    private async Task<CloudflaredReport> GuardedAsync(
        Func<string, string, Task<CloudflaredStatus>> call, string? action, CancellationToken cancellationToken)
    {
        if (identity.AgentId is not { Length: > 0 } agentId)
        {
            return Remember(new CloudflaredReport(
                CloudflaredReport.Failed, null, null, null, null, "the agent has no id yet (it is not registered); its id names the cloudflared container"));
        }

        var name = CloudflaredContainerName.ForAgent(agentId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var status = await call(name, agentId).ConfigureAwait(false);
            if (status.LastChanges != CloudflaredChanges.None || action is not null)
            {
                log.LogInformation(
                    "cloudflared {ContainerName}: {Changes} (container {ContainerId}, image {Image}, tunnel {TunnelId})",
                    status.ContainerName, action ?? status.LastChanges.ToString(), status.ContainerId, status.Image, status.TunnelId);
            }

            return Remember(ToReport(status));
        }
        catch (ContainerRuntimeUnavailableException ex)
        {
            return Remember(new CloudflaredReport(CloudflaredReport.DockerUnavailable, name, null, null, null, ex.Message));
        }
        catch (ContainerOperationException ex)
        {
            return Remember(new CloudflaredReport(CloudflaredReport.Failed, name, null, null, null, ex.Message));
        }
        catch (InvalidTunnelTokenException ex)
        {
            throw new CloudflaredTokenException(ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static CloudflaredReport ToReport(CloudflaredStatus status)
    {
        var state = status.State switch
        {
            CloudflaredState.Running => CloudflaredReport.Running,
            CloudflaredState.Stopped => CloudflaredReport.Stopped,
            CloudflaredState.Missing => CloudflaredReport.Missing,
            CloudflaredState.DockerUnavailable => CloudflaredReport.DockerUnavailable,
            _ => CloudflaredReport.Failed,
        };
        var error = status.State == CloudflaredState.Conflict
            ? status.OtherInstance is { } other
                ? $"the container '{status.ContainerName}' belongs to another DockFlare agent or master ('{other}'); it is left alone"
                : $"a container named '{status.ContainerName}' exists but was not created by DockFlare; it is left alone. Remove or rename it"
            : status.LastError;
        return new CloudflaredReport(state, status.ContainerName, status.ContainerId, status.Image, status.TunnelId, error);
    }

    /// <summary>Keeps the report and logs it when its state or error changed (once per change, never the token).</summary>
    private CloudflaredReport Remember(CloudflaredReport report)
    {
        var previous = _last;
        _last = report;
        if (previous is not null && previous.State == report.State && previous.Error == report.Error)
        {
            return report;
        }

        switch (report.State)
        {
            case CloudflaredReport.Running:
                log.LogInformation("cloudflared {ContainerName} is running (container {ContainerId})", report.ContainerName, report.ContainerId);
                break;
            case CloudflaredReport.DockerUnavailable:
                log.LogWarning("cloudflared cannot be checked, Docker is unavailable: {Error}", report.Error);
                break;
            case CloudflaredReport.Failed:
                log.LogError("cloudflared {ContainerName} is not running as desired: {Error}", report.ContainerName, report.Error);
                break;
            default:
                log.LogInformation("cloudflared {ContainerName} is {State}", report.ContainerName, report.State);
                break;
        }

        return report;
    }
}
