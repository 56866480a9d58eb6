using System.Globalization;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>
/// Cloudflare's global limit: a sliding window per credential (default 1,200 per 5 minutes). Every answer
/// carries <c>Ratelimit</c> and <c>Ratelimit-Policy</c>; a breach answers 429/971 with <c>Retry-After</c>.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, EmulatorOptions options, EmulatorStore store)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPath.IsApi(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var key = context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth
            ? auth
            : context.Request.Headers["X-Auth-Key"].ToString() is { Length: > 0 } legacy ? legacy : context.Connection.RemoteIpAddress?.ToString() ?? "";
        var window = options.RateLimitWindow;
        int remaining;
        TimeSpan reset;
        bool allowed;
        lock (_gate)
        {
            var now = store.Now;
            if (!_windows.TryGetValue(key, out var sent))
            {
                sent = new Queue<DateTimeOffset>();
                _windows[key] = sent;
            }

            while (sent.Count > 0 && sent.Peek() + window <= now)
            {
                sent.Dequeue();
            }

            allowed = sent.Count < options.RateLimitRequests;
            if (allowed)
            {
                sent.Enqueue(now);
            }

            remaining = Math.Max(0, options.RateLimitRequests - sent.Count);
            reset = sent.Count > 0 ? sent.Peek() + window - now : TimeSpan.Zero;
        }

        var resetSeconds = Math.Max(allowed ? 0 : 1, (int)Math.Ceiling(reset.TotalSeconds));
        context.Response.Headers["Ratelimit"] = string.Create(CultureInfo.InvariantCulture, $"\"default\";r={remaining};t={resetSeconds}");
        context.Response.Headers["Ratelimit-Policy"] = string.Create(
            CultureInfo.InvariantCulture, $"\"burst\";q={options.RateLimitRequests};w={(int)window.TotalSeconds}");
        if (allowed)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
        await CfResults.WriteAsync(context, 429, CfResults.FailureBody([new CfError(971, "Please wait and consider throttling your request speed")]))
            .ConfigureAwait(false);
    }
}
