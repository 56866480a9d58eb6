using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Account = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// The master's own tunnel first (host <see cref="LocalHost.Name"/>), then every other live tunnel of the
/// account with no host, so that manual rules and explicit <c>tunnel</c> labels can target any of them.
/// The list is kept for <see cref="CacheDuration"/>: a reconcile run asks often, tunnels change rarely.
/// </summary>
internal sealed class TunnelDirectory : ITunnelDirectory, IDisposable
{
    /// <summary>How long a listing is reused.</summary>
    internal static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(60);

    private readonly IMasterTunnel _master;
    private readonly ICloudflareTunnels _tunnels;
    private readonly Account _account;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<KnownTunnel>? _cached;
    private DateTimeOffset _cachedAt;

    public TunnelDirectory(IMasterTunnel master, ICloudflareTunnels tunnels, Account account, TimeProvider? timeProvider = null)
    {
        _master = master;
        _tunnels = tunnels;
        _account = account;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<IReadOnlyList<KnownTunnel>> ListAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not null && _time.GetUtcNow() - _cachedAt < CacheDuration)
            {
                return _cached;
            }

            var accountId = _account.RequireId();
            var master = await _master.EnsureAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<CloudflareTunnel> live;
            try
            {
                live = await _tunnels.ListTunnelsAsync(accountId, TunnelQuery.Live, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudflareApiException e)
            {
                throw new ReconcileException($"Cannot list the tunnels of account {accountId}: {CloudflareFailure.Describe(e)}.", e);
            }

            List<KnownTunnel> known = [master];
            known.AddRange(live
                .Where(t => !t.IsDeleted && !string.Equals(t.Id, master.Id, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new KnownTunnel(t.Name, t.Id, null)));
            _cached = known;
            _cachedAt = _time.GetUtcNow();
            return known;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
