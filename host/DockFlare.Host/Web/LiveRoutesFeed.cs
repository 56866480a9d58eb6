using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Web;

/// <summary>
/// The dashboard's live data: one read of the routes per second at most, however many browsers watch, each told
/// only when something changed. The routes come from the state store (every replica sees the same), not from
/// Cloudflare.
/// </summary>
internal sealed class LiveRoutesFeed(IReconciler reconciler, IAgentRegistry agents, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long agents' names are reused: listing every agent each second would cost more than the routes.</summary>
    public static readonly TimeSpan NamesInterval = TimeSpan.FromSeconds(15);

    private IReadOnlyDictionary<string, string> _hostNames = new Dictionary<string, string>();
    private DateTimeOffset _namesReadAt = DateTimeOffset.MinValue;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DashboardSnapshot? _latest;
    private DateTimeOffset _readAt;

    /// <summary>The current snapshot, read again when the cached one is older than <see cref="Interval"/>.</summary>
    public async Task<DashboardSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_latest is null || now - _readAt >= Interval * 0.9)
            {
                if (now - _namesReadAt >= NamesInterval)
                {
                    _hostNames = (await agents.ListAsync(cancellationToken).ConfigureAwait(false))
                        .ToDictionary(a => a.Agent.Id, a => a.Agent.DisplayName, StringComparer.Ordinal);
                    _namesReadAt = now;
                }

                _latest = Build(await reconciler.GetRoutesAsync(cancellationToken).ConfigureAwait(false), _hostNames);
                _readAt = now;
            }

            return _latest;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The snapshot now, then each changed one, until the browser goes away or the master stops; then it just ends.</summary>
    public async IAsyncEnumerable<DashboardSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? sent = null;
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } snapshot)
        {
            if (snapshot.Version != sent)
            {
                sent = snapshot.Version;
                yield return snapshot;
            }

            try
            {
                await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
        }
    }

    private async Task<DashboardSnapshot?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return cancellationToken.IsCancellationRequested ? null : await GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <param name="report">The routes.</param>
    /// <param name="hostNames">Agents' names by agent id: a container on an agent's host is shown with the agent's name.</param>
    public static DashboardSnapshot Build(RoutesReport report, IReadOnlyDictionary<string, string>? hostNames = null)
    {
        var rows = report.Routes.Select(r => DashboardRow.From(r, report.LastOutcome, hostNames)).ToList();
        var findings = report.Diagnostics.Select(d => d.ToString()).ToList();
        var last = report.LastOutcome is { } outcome ? Describe(outcome) : null;
        var version = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { rows, findings, last }, Json)))[..16];
        return new DashboardSnapshot(rows, findings, last, report.IsSandbox, version);
    }

    private static string Describe(ReconcileOutcome outcome) =>
        $"{outcome.FinishedAt:yyyy-MM-dd HH:mm:ss}Z ({outcome.Cause}): "
        + (outcome.Succeeded ? $"{outcome.Applied} change(s) applied" : $"{outcome.Errors.Count} error(s): {string.Join("; ", outcome.Errors.Take(3))}");
}
