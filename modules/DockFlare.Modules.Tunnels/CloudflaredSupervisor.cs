using System.Security.Cryptography;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Keeps the master's own cloudflared container running as configured: at start, every
/// <see cref="Interval"/>, and whenever <see cref="RequestEnsure"/> is called (after the tunnel is created).
/// Each pass hands the master's target (container name from the tunnel name, token, image, network, instance id)
/// to the <see cref="CloudflaredRunner"/> the agent shares, which replaces safely (B29) and checks the token (B33).
/// </summary>
/// <remarks>
/// Off in external mode (<c>USE_EXTERNAL_CLOUDFLARED</c>), when Cloudflare is not configured, and when no Docker
/// provider is loaded. Failures (Docker down, a refused operation, Cloudflare unreachable) are logged once per
/// change of state and retried on the next pass; the service never stops because of them. A cloudflared image
/// that is missing and cannot be pulled is such a failure: the container is then neither created nor replaced.
/// Cloudflared containers DockFlare ran for another tunnel (after <c>TUNNEL_NAME</c> changed) are named in a
/// warning, once per change of that list, and left for the user to remove.
/// <para>
/// The container is labelled with this installation's id (state store setting <c>instance.id</c>, made here the
/// way the reconciliation module makes it when it does not exist yet). A container of the same name that another
/// DockFlare instance runs (another master on the same engine with the same <c>TUNNEL_NAME</c>) is left alone and
/// reported as <see cref="CloudflaredState.Conflict"/>.
/// </para>
/// </remarks>
internal sealed class CloudflaredSupervisor : BackgroundService
{
    /// <summary>The state store setting holding this installation's id (shared with the reconciliation module).</summary>
    internal const string InstanceIdSetting = "instance.id";

    /// <summary>Time between passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    private readonly TunnelsOptions _options;
    private readonly CloudflareAccount? _account;
    private readonly IMasterTunnel? _tunnel;
    private readonly IContainerManager? _containers;
    private readonly IContainerRuntime? _runtime;
    private readonly IStateStore? _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private IReadOnlyList<string> _warnedLeftovers = [];
    private string? _instanceId;

    // Optional dependencies: the Docker provider is a plugin that may be broken or missing, and Cloudflare may
    // not be configured. Autofac passes null for a parameter it cannot resolve when it has a default.
    public CloudflaredSupervisor(
        TunnelsOptions options,
        ILogger<CloudflaredSupervisor> log,
        CloudflareAccount? account = null,
        IMasterTunnel? tunnel = null,
        IContainerManager? containers = null,
        TimeProvider? clock = null,
        IContainerRuntime? runtime = null,
        IStateStore? store = null)
    {
        _options = options;
        _account = account;
        _log = log;
        _clock = clock ?? TimeProvider.System;
        _tunnel = tunnel;
        _containers = containers;
        _runtime = runtime;
        _store = store;
    }

    /// <summary>The last finding; safe to show (never holds the token).</summary>
    public CloudflaredStatus Status { get; private set; } = CloudflaredStatus.Initial;

    /// <summary>The command the container runs; tests replace it with a stand-in's.</summary>
    internal IReadOnlyList<string> Command { get; init; } = CloudflaredTarget.DefaultCommand;

    /// <summary>How long a replacement must keep running before the old container goes; tests shorten it.</summary>
    internal TimeSpan SettleDelay { get; init; } = CloudflaredRunner.DefaultSettleDelay;

    /// <summary>Why the supervisor does nothing, or null when it supervises.</summary>
    public string? DisabledReason =>
        _options.UseExternalCloudflared ? "USE_EXTERNAL_CLOUDFLARED is true: cloudflared is run by the user"
        : _account is not { IsConfigured: true } ? "Cloudflare is not configured"
        : _containers is null ? "no Docker provider is loaded"
        : _tunnel is null ? "the master tunnel is not available"
        : _store is null ? "no state store is available to hold this instance's id"
        : null;

    /// <summary>Asks for a pass now (for example right after the tunnel was created); returns at once.</summary>
    public void RequestEnsure()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already requested.
        }
    }

    /// <summary>Runs one pass now (serialised with the periodic ones) and returns what it found.</summary>
    public async Task<CloudflaredStatus> EnsureOnceAsync(CancellationToken cancellationToken)
    {
        if (DisabledReason is { } reason)
        {
            return Record(CloudflaredState.Disabled, null, reason);
        }

        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string instanceId;
            try
            {
                instanceId = await GetInstanceIdAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Record(CloudflaredState.Failed, null, $"this instance's id cannot be read from the state store: {ex.Message}");
            }

            var known = await _tunnel!.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var token = await _tunnel.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var target = new CloudflaredTarget(
                CloudflaredContainerName.For(known.Name), known.Id, token, _options.CloudflaredImage, _options.CloudflaredNetworkName, instanceId)
            {
                Command = Command,
            };
            var runner = new CloudflaredRunner(_containers!, _runtime) { SettleDelay = SettleDelay };
            var found = await runner.EnsureAsync(target, cancellationToken).ConfigureAwait(false);
            WarnAboutLeftovers(found);
            return Record(found, found.State == CloudflaredState.Conflict ? ConflictMessage(found) : found.LastError);
        }
        catch (ContainerRuntimeUnavailableException ex)
        {
            return Record(CloudflaredState.DockerUnavailable, null, ex.Message);
        }
        catch (ContainerOperationException ex)
        {
            return Record(CloudflaredState.Failed, null, ex.Message);
        }
        catch (ReconcileException ex)
        {
            return Record(CloudflaredState.Failed, null, ex.Message);
        }
        catch (InvalidTunnelTokenException ex)
        {
            return Record(CloudflaredState.Failed, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A pass is a boundary: whatever went wrong is recorded and the next pass tries again.
            _log.LogError(ex, "The managed cloudflared pass failed unexpectedly; retrying in {Interval}", Interval);
            return Record(CloudflaredState.Failed, null, ex.Message);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _pass.Dispose();
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>Why a container of the expected name is left alone.</summary>
    private static string ConflictMessage(CloudflaredStatus found) => found.OtherInstance is { } other
        ? $"the container '{found.ContainerName}' is run by another DockFlare instance ('{other}', label {CloudflaredLabels.Instance}) for a tunnel of the same name; it is left alone. Set a distinct TUNNEL_NAME on one of the DockFlare instances sharing this Docker engine"
        : $"a container named '{found.ContainerName}' exists but was not created by DockFlare (no label {CloudflaredLabels.ManagedBy}={CloudflaredLabels.ManagedByValue}); it is left alone";

    /// <summary>
    /// This installation's id from the state store setting <c>instance.id</c>; made (<c>df-</c> and 12 lower hex
    /// digits) and read back when missing, as the reconciliation module does, so that both agree on it.
    /// </summary>
    private async Task<string> GetInstanceIdAsync(CancellationToken cancellationToken)
    {
        if (_instanceId is not null)
        {
            return _instanceId;
        }

        var stored = await _store!.GetSettingAsync(InstanceIdSetting, cancellationToken).ConfigureAwait(false);
        if (stored is null || string.IsNullOrWhiteSpace(stored.Value))
        {
            await _store.SetSettingAsync(
                new SettingEntry(InstanceIdSetting, "df-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), false),
                cancellationToken).ConfigureAwait(false);

            // Read back: if two replicas (or the reconciliation module) raced, all use whichever write landed last.
            stored = await _store.GetSettingAsync(InstanceIdSetting, cancellationToken).ConfigureAwait(false);
        }

        if (stored is null || string.IsNullOrWhiteSpace(stored.Value))
        {
            throw new InvalidOperationException($"the setting '{InstanceIdSetting}' is still empty after it was written");
        }

        _instanceId = stored.Value;
        return _instanceId;
    }

    /// <summary>Warns about containers left over for another tunnel when their list changed since the last warning.</summary>
    private void WarnAboutLeftovers(CloudflaredStatus found)
    {
        if (found.Leftovers.SequenceEqual(_warnedLeftovers, StringComparer.Ordinal))
        {
            return;
        }

        _warnedLeftovers = found.Leftovers;
        if (found.Leftovers.Count > 0)
        {
            _log.LogWarning(
                "Managed cloudflared containers {LeftoverContainers} were created by DockFlare for another tunnel than the current one ({ContainerName}), probably before TUNNEL_NAME changed; they are not removed automatically, remove them once they are no longer needed",
                string.Join(", ", found.Leftovers), found.ContainerName);
        }
    }

    private CloudflaredStatus Record(CloudflaredState state, string? containerName, string? error) =>
        Record(new CloudflaredStatus(state, containerName ?? Status.ContainerName, null, null, CloudflaredChanges.None, null), error);

    /// <summary>Keeps <paramref name="found"/> as the status and logs it when the state or the error changed.</summary>
    private CloudflaredStatus Record(CloudflaredStatus found, string? error)
    {
        var previous = Status;
        var status = found with { LastError = error, CheckedAt = _clock.GetUtcNow() };
        Status = status;
        if (status.LastChanges != CloudflaredChanges.None)
        {
            _log.LogInformation(
                "Managed cloudflared {ContainerName}: {Changes} (container {ContainerId}, image {Image}, network {Network})",
                status.ContainerName, status.LastChanges, status.ContainerId, _options.CloudflaredImage, _options.CloudflaredNetworkName);
        }

        if (previous.State == status.State && previous.LastError == status.LastError)
        {
            return status;
        }

        switch (status.State)
        {
            case CloudflaredState.Running:
                _log.LogInformation("Managed cloudflared {ContainerName} is running (container {ContainerId})", status.ContainerName, status.ContainerId);
                break;
            case CloudflaredState.DockerUnavailable:
                _log.LogWarning("Managed cloudflared cannot be checked, Docker is unavailable: {Error}; retrying every {Interval}", error, Interval);
                break;
            case CloudflaredState.Conflict:
            case CloudflaredState.Failed:
                _log.LogError("Managed cloudflared {ContainerName} is not running as configured: {Error}; retrying every {Interval}", status.ContainerName, error, Interval);
                break;
            default:
                break;
        }

        return status;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (DisabledReason is { } reason)
        {
            _log.LogInformation("The managed cloudflared is not supervised: {Reason}", reason);
            Record(CloudflaredState.Disabled, null, reason);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureOnceAsync(stoppingToken).ConfigureAwait(false);
                await _wake.WaitAsync(Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
