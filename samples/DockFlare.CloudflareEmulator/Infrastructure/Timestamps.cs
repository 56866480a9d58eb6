using System.Globalization;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>RFC 3339 UTC timestamps as Cloudflare writes them.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;
}
