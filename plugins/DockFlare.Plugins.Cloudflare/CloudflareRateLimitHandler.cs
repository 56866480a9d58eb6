using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Sits inside the retry pipeline, so it sees every attempt: counts retries against the request budget
/// and feeds Cloudflare's own rate-limit signals (429 + Retry-After, the <c>Ratelimit</c> header) back
/// into it.
/// </summary>
internal sealed partial class CloudflareRateLimitHandler(CloudflareRequestBudget budget) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<int> AttemptKey = new("dockflare.cloudflare.attempt");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(AttemptKey, out var attempt);
        request.Options.Set(AttemptKey, attempt + 1);
        if (attempt > 0)
        {
            budget.RecordRetry();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            budget.BlockFor(RetryAfter(response) ?? TimeSpan.FromSeconds(1));
        }

        if (response.Headers.TryGetValues("Ratelimit", out var values)
            && RateLimitHeader().Match(string.Join(',', values)) is { Success: true } match)
        {
            budget.ObserveServerRemaining(
                int.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(int.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture)));
        }

        return response;
    }

    /// <summary>Retry-After as a delay (seconds or an HTTP date).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - DateTimeOffset.UtcNow;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }

    [GeneratedRegex(@"r=(?<r>\d+);\s*t=(?<t>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex RateLimitHeader();
}
