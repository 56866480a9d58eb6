using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Account = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Finds (or creates) the master's own tunnel by its exact name, or checks the external tunnel id.
/// The answer is kept in memory and confirmed with one GET at most every <see cref="RecheckInterval"/>,
/// so a tunnel deleted in the dashboard is noticed and (in internal mode) created again.
/// </summary>
internal sealed class MasterTunnel : IMasterTunnel, IDisposable
{
    /// <summary>How long a found tunnel is trusted before it is read again to see whether it was deleted.</summary>
    internal static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);

    private readonly ICloudflareTunnels _tunnels;
    private readonly Account _account;
    private readonly TunnelsOptions _options;
    private readonly ILogger<MasterTunnel> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KnownTunnel? _tunnel;
    private DateTimeOffset _checkedAt;

    // Only ever the token of _tunnel; dropped with it. Never logged.
    private TunnelToken? _token;

    public MasterTunnel(
        ICloudflareTunnels tunnels,
        Account account,
        TunnelsOptions options,
        ILogger<MasterTunnel> logger,
        TimeProvider? timeProvider = null)
    {
        _tunnels = tunnels;
        _account = account;
        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// The Cloudflare-side name: <c>TUNNEL_NAME</c> as the user wrote it (spaces, parentheses and all, B35;
    /// only surrounding white space is dropped, as Cloudflare does), or <c>dockflare-&lt;host name&gt;</c>.
    /// </summary>
    internal string TunnelName => string.IsNullOrWhiteSpace(_options.TunnelName)
        ? "dockflare-" + Environment.MachineName
        : _options.TunnelName.Trim();

    public async Task<KnownTunnel> EnsureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EnsureLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tunnel = await EnsureLockedAsync(cancellationToken).ConfigureAwait(false);
            if (_token is null)
            {
                var accountId = _account.RequireId();
                try
                {
                    _token = await _tunnels.GetTunnelTokenAsync(accountId, tunnel.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (CloudflareApiException e)
                {
                    if (e.IsNotFound)
                    {
                        Forget();
                    }

                    throw new ReconcileException(
                        $"Cannot read the connector token of tunnel '{tunnel.Name}' ({tunnel.Id}): {CloudflareFailure.Describe(e)}.", e);
                }
            }

            return _token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<KnownTunnel> EnsureLockedAsync(CancellationToken cancellationToken)
    {
        var accountId = _account.RequireId();
        if (_tunnel is { } cached)
        {
            if (_time.GetUtcNow() - _checkedAt < RecheckInterval)
            {
                return cached;
            }

            if (await IsLiveAsync(accountId, cached, cancellationToken).ConfigureAwait(false))
            {
                _checkedAt = _time.GetUtcNow();
                return cached;
            }

            _logger.LogWarning("Tunnel {TunnelName} ({TunnelId}) was deleted in Cloudflare; looking for it again", cached.Name, cached.Id);
            Forget();
        }

        var found = _options.UseExternalCloudflared
            ? await FindExternalAsync(accountId, cancellationToken).ConfigureAwait(false)
            : await FindOrCreateAsync(accountId, cancellationToken).ConfigureAwait(false);
        _tunnel = found;
        _checkedAt = _time.GetUtcNow();
        return found;
    }

    private async Task<bool> IsLiveAsync(string accountId, KnownTunnel tunnel, CancellationToken cancellationToken)
    {
        try
        {
            var current = await _tunnels.GetTunnelAsync(accountId, tunnel.Id, cancellationToken).ConfigureAwait(false);
            return current is { IsDeleted: false };
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException($"Cannot read tunnel '{tunnel.Name}' ({tunnel.Id}): {CloudflareFailure.Describe(e)}.", e);
        }
    }

    private async Task<KnownTunnel> FindExternalAsync(string accountId, CancellationToken cancellationToken)
    {
        var id = _options.ExternalTunnelId?.Trim() ?? "";
        if (!Guid.TryParseExact(id, "D", out _))
        {
            throw new ReconcileException($"EXTERNAL_TUNNEL_ID '{id}' is not a tunnel UUID; it is required when USE_EXTERNAL_CLOUDFLARED is true.");
        }

        CloudflareTunnel? tunnel;
        try
        {
            tunnel = await _tunnels.GetTunnelAsync(accountId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException($"Cannot read the external tunnel {id} (EXTERNAL_TUNNEL_ID): {CloudflareFailure.Describe(e)}.", e);
        }

        if (tunnel is null)
        {
            throw new ReconcileException(
                $"The external tunnel {id} (EXTERNAL_TUNNEL_ID) does not exist in account {accountId}; DockFlare never creates it in external mode.");
        }

        if (tunnel.IsDeleted)
        {
            throw new ReconcileException(
                $"The external tunnel '{tunnel.Name}' ({id}, EXTERNAL_TUNNEL_ID) was deleted in Cloudflare; DockFlare never creates it in external mode.");
        }

        WarnIfLocallyManaged(tunnel);
        _logger.LogInformation("Using external tunnel {TunnelName} ({TunnelId})", tunnel.Name, tunnel.Id);
        return new KnownTunnel(tunnel.Name, tunnel.Id, LocalHost.Name);
    }

    private async Task<KnownTunnel> FindOrCreateAsync(string accountId, CancellationToken cancellationToken)
    {
        var name = TunnelName;
        if (await FindByNameAsync(accountId, name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            WarnIfLocallyManaged(existing);
            _logger.LogInformation("Found tunnel {TunnelName} ({TunnelId})", existing.Name, existing.Id);
            return new KnownTunnel(existing.Name, existing.Id, LocalHost.Name);
        }

        TunnelCreation created;
        try
        {
            created = await _tunnels.CreateTunnelAsync(accountId, name, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e) when (e.IsTunnelNameConflict)
        {
            // Another master replica created it between our list and our create: use theirs.
            if (await FindByNameAsync(accountId, name, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                _logger.LogInformation("Tunnel {TunnelName} ({TunnelId}) was created concurrently; using it", raced.Name, raced.Id);
                return new KnownTunnel(raced.Name, raced.Id, LocalHost.Name);
            }

            throw new ReconcileException($"Cannot create tunnel '{name}': {CloudflareFailure.Describe(e)}.", e);
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException($"Cannot create tunnel '{name}': {CloudflareFailure.Describe(e)}.", e);
        }
        catch (ArgumentException e)
        {
            throw new ReconcileException($"Cannot create tunnel '{name}': {e.Message}", e);
        }

        _token = created.Token;
        _logger.LogInformation("Created tunnel {TunnelName} ({TunnelId})", created.Tunnel.Name, created.Tunnel.Id);
        return new KnownTunnel(created.Tunnel.Name, created.Tunnel.Id, LocalHost.Name);
    }

    private async Task<CloudflareTunnel?> FindByNameAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        IReadOnlyList<CloudflareTunnel> tunnels;
        try
        {
            tunnels = await _tunnels.ListTunnelsAsync(accountId, new TunnelQuery(name), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException($"Cannot list the tunnels named '{name}': {CloudflareFailure.Describe(e)}.", e);
        }

        // The name filter is not trusted to be exact: match the user's text exactly, live tunnels only.
        return tunnels.FirstOrDefault(t => !t.IsDeleted && string.Equals(t.Name, name, StringComparison.Ordinal));
    }

    private void WarnIfLocallyManaged(CloudflareTunnel tunnel)
    {
        if (tunnel.ConfigSource is { } source && !string.Equals(source, "cloudflare", StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogWarning(
                "Tunnel {TunnelName} ({TunnelId}) is managed by a local config file (config_src {ConfigSource}); ingress written by DockFlare is ignored by its cloudflared",
                tunnel.Name, tunnel.Id, source);
        }
    }

    private void Forget()
    {
        _tunnel = null;
        _token = null;
    }
}
