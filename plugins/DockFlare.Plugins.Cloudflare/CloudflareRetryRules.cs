using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Which failures are retried, and how long to wait. Safe methods (GET, PUT, DELETE) are retried on
/// every transient failure; POST and PATCH only when Cloudflare certainly did not act on them (429, 503),
/// because a retried create after a timeout could create twice or hit its own name conflict. Other 4xx
/// are never retried.
/// </summary>
internal static class CloudflareRetryRules
{
    public static void Configure(HttpRetryStrategyOptions retry, CloudflareSettings settings)
    {
        retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = settings.RetryBaseDelay;
        retry.MaxDelay = TimeSpan.FromSeconds(30);
        retry.ShouldRetryAfterHeader = false;
        retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(settings, args.Context.GetRequestMessage()?.Method, args.Outcome));
        retry.DelayGenerator = args => ValueTask.FromResult(RetryAfterWithJitter(args.Outcome.Result));
    }

    public static bool ShouldRetry(CloudflareSettings settings, HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        if (settings.MaxRetries == 0)
        {
            return false;
        }

        var idempotent = method is null || method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head;
        if (outcome.Exception is { } exception)
        {
            return idempotent && exception is HttpRequestException or TimeoutRejectedException;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests =>
                (CloudflareRateLimitHandler.RetryAfter(response) ?? TimeSpan.Zero) <= settings.MaxRetryAfter,
            HttpStatusCode.ServiceUnavailable => true,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout
                => idempotent,
            _ => idempotent && (int)response.StatusCode > 500,
        };
    }

    /// <summary>Retry-After plus up to 20 % jitter, so that many waiting callers do not return at once.</summary>
    private static TimeSpan? RetryAfterWithJitter(HttpResponseMessage? response)
    {
        if (response is null || CloudflareRateLimitHandler.RetryAfter(response) is not { } retryAfter)
        {
            return null;
        }

        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(1000, retryAfter.TotalMilliseconds * 0.2));
        return retryAfter + jitter;
    }
}
