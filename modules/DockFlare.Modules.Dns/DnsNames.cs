using System.Globalization;

namespace DockFlare.Modules.Dns;

/// <summary>Host and zone names as Cloudflare compares them: lower case, punycode, no trailing dot.</summary>
internal static class DnsNames
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The canonical form of <paramref name="name"/>, or null when it is not a valid DNS name.</summary>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // A wildcard label is not valid IDN input; map the rest and keep the "*." in front.
        var wildcard = trimmed.StartsWith("*.", StringComparison.Ordinal);
        var rest = wildcard ? trimmed[2..] : trimmed;
        try
        {
            var ascii = Idn.GetAscii(rest).ToLowerInvariant();
            return wildcard ? "*." + ascii : ascii;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the (normalised) <paramref name="hostname"/> is the zone apex or a name below it.</summary>
    public static bool IsInside(string hostname, string zone) =>
        string.Equals(hostname, zone, StringComparison.Ordinal)
        || (hostname.Length > zone.Length
            && hostname.EndsWith(zone, StringComparison.Ordinal)
            && hostname[hostname.Length - zone.Length - 1] == '.');
}
