namespace DockFlare.Core.Planning;

/// <summary>Compares Access domains (<c>host[/path]</c>) the way Cloudflare does: host case-insensitive, no trailing slash or dot.</summary>
public static class AccessDomain
{
    /// <summary>The canonical form: no scheme, lower-case host without a trailing dot, path without a trailing slash.</summary>
    public static string Canonical(string domain)
    {
        var text = domain.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            text = text[(schemeEnd + 3)..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash >= 0 ? text[..slash] : text;
        var path = slash >= 0 ? text[slash..].TrimEnd('/') : "";
        return host.TrimEnd('.').ToLowerInvariant() + path;
    }

    /// <summary>The host part of the canonical form.</summary>
    public static string HostOf(string domain)
    {
        var canonical = Canonical(domain);
        var slash = canonical.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? canonical[..slash] : canonical;
    }
}
