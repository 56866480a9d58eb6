using System.Globalization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Dns;

/// <summary>Describes a failed Cloudflare call for an operator, from the status and Cloudflare's own errors (never a secret).</summary>
internal static class CloudflareFailure
{
    /// <summary>For example <c>HTTP 400, Cloudflare error 81053: An A, AAAA, or CNAME record with that host already exists</c>.</summary>
    public static string Describe(CloudflareApiException exception)
    {
        var text = exception.StatusCode is { } code ? $"HTTP {code}" : "no answer from Cloudflare";
        if (exception.IsRateLimited)
        {
            text += exception.RetryAfter is { } wait
                ? string.Create(CultureInfo.InvariantCulture, $" (rate limited, retry after {wait.TotalSeconds:0} s)")
                : " (rate limited)";
        }

        // The provider's message names the method and path and never a secret; Cloudflare's errors say why.
        return exception.Errors.Count > 0
            ? text + ", " + string.Join("; ", exception.Errors.Select(e => $"Cloudflare error {e.Code}: {e.Message}"))
            : text + ": " + exception.Message;
    }
}
