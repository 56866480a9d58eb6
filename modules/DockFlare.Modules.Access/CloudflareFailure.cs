using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>Describes a failed Cloudflare call by status, code and message (the provider never puts a secret in these).</summary>
internal static class CloudflareFailure
{
    public static string Describe(CloudflareApiException ex)
    {
        var status = ex.StatusCode is { } code ? $"HTTP {code}" : "no response";
        if (ex.IsAccessNotEnabled)
        {
            return $"Zero Trust Access is not enabled on the account ({status})";
        }

        return ex.Errors.Count == 0
            ? $"{status}: {ex.Message}"
            : $"{status}: {string.Join("; ", ex.Errors.Select(e => $"{e.Code} {e.Message}"))}";
    }
}
