using System.Globalization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Tunnels;

/// <summary>Describes a failed Cloudflare call in one line: its HTTP status and Cloudflare's own codes and messages.</summary>
/// <remarks>Built from the status and the envelope's errors only, so no request detail (and never a token) leaks into it.</remarks>
internal static class CloudflareFailure
{
    public static string Describe(CloudflareApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.StatusCode is { } code
            ? "HTTP " + code.ToString(CultureInfo.InvariantCulture)
            : "no response";
        if (exception.Errors.Count == 0)
        {
            return exception.IsUnexpectedResponse ? status + ", unexpected response" : status;
        }

        var errors = string.Join("; ", exception.Errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Code} {e.Message}")));
        return $"{status}, Cloudflare {errors}";
    }
}
