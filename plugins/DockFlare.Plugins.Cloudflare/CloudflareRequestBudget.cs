using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// A sliding-window request budget shared by every caller in the process that uses the same API and
/// token (Cloudflare counts per token), however many containers register the provider. Normal requests may use the limit minus a reserve; deletions and Access
/// changes may use the reserve too, so cleaning up and locking things down still works when reads have
/// spent the budget. A 429 from Cloudflare blocks everyone until its Retry-After has passed, because
/// Cloudflare blocks every call for the rest of its window anyway.
/// </summary>
internal sealed class CloudflareRequestBudget : ICloudflareRequestBudget
{
    private static readonly ConcurrentDictionary<string, CloudflareRequestBudget> Shared = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxWait;
    private DateTimeOffset? _blockedUntil;
    private int? _serverRemaining;
    private int _waiting;

    public CloudflareRequestBudget(CloudflareSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _clock = clock;
        Limit = settings.RequestsPerWindow;
        Window = settings.Window;
        Reserve = Limit / 10;
        _maxWait = settings.BudgetMaxWait;
    }

    public int Limit { get; }

    /// <summary>The process-wide budget for <paramref name="settings"/>' API and token (the token is only hashed into the key).</summary>
    public static CloudflareRequestBudget For(CloudflareSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tokenHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(settings.ApiToken ?? "")));
        var key = string.Create(CultureInfo.InvariantCulture, $"{settings.ApiBaseUrl}|{tokenHash}|{settings.RequestsPerWindow}|{settings.Window.Ticks}");
        return Shared.GetOrAdd(key, _ => new CloudflareRequestBudget(settings, clock));
    }

    public TimeSpan Window { get; }

    /// <summary>A tenth of the limit is kept for deletions and Access changes (none below ten requests).</summary>
    public int Reserve { get; }

    public CloudflareRequestBudgetSnapshot GetSnapshot()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            Prune(now);
            var blocked = _blockedUntil > now ? _blockedUntil : null;
            return new CloudflareRequestBudgetSnapshot(
                Limit, Window, _sent.Count, Math.Max(0, Limit - _sent.Count), Reserve, _waiting, blocked, _serverRemaining);
        }
    }

    /// <summary>Takes one request from the budget, waiting for a free slot up to the configured bound.</summary>
    /// <exception cref="CloudflareApiException">No slot freed up in time (rate limited, transient).</exception>
    public async Task AcquireAsync(CloudflareRequestPriority priority, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + _maxWait;
        var counted = false;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock.GetUtcNow();
                    Prune(now);
                    var allowed = priority == CloudflareRequestPriority.High ? Limit : Limit - Reserve;
                    if (_blockedUntil > now)
                    {
                        wait = _blockedUntil.Value - now;
                    }
                    else if (_sent.Count < allowed)
                    {
                        _sent.Enqueue(now);
                        return;
                    }
                    else
                    {
                        // The slot we need frees when the request (count - allowed) places ahead of the oldest expires.
                        wait = _sent.ElementAt(_sent.Count - allowed) + Window - now;
                    }

                    if (now + wait > deadline)
                    {
                        throw new CloudflareApiException(
                            string.Create(CultureInfo.InvariantCulture, $"The client-side Cloudflare request budget ({Limit} per {Window.TotalSeconds:0} s) is spent; the next slot frees in {Math.Ceiling(wait.TotalSeconds):0} s."),
                            429,
                            [new CloudflareError(971, "Client-side request budget exhausted")],
                            retryAfter: wait);
                    }

                    if (!counted)
                    {
                        _waiting++;
                        counted = true;
                    }
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait, _clock, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            if (counted)
            {
                lock (_gate)
                {
                    _waiting--;
                }
            }
        }
    }

    /// <summary>Counts a retry attempt, which Cloudflare counts too; it does not wait (retries are bounded).</summary>
    public void RecordRetry()
    {
        lock (_gate)
        {
            _sent.Enqueue(_clock.GetUtcNow());
        }
    }

    /// <summary>Cloudflare answered 429: nobody sends before <paramref name="retryAfter"/> has passed.</summary>
    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _clock.GetUtcNow() + retryAfter;
            if (_blockedUntil is null || until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>Records the remaining count from Cloudflare's <c>Ratelimit</c> header.</summary>
    public void ObserveServerRemaining(int remaining, TimeSpan resetIn)
    {
        lock (_gate)
        {
            _serverRemaining = remaining;
        }

        if (remaining <= 0 && resetIn > TimeSpan.Zero)
        {
            BlockFor(resetIn);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + Window <= now)
        {
            _sent.Dequeue();
        }
    }
}
