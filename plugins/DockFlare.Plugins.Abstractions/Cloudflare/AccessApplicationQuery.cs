namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Server-side filters for listing Access applications. Filters left <see langword="null"/> are not sent.</summary>
/// <param name="Name">Applications whose name matches.</param>
/// <param name="Domain">Applications whose domain matches.</param>
/// <param name="Exact">Whether the filters must match exactly (otherwise Cloudflare may match substrings).</param>
public sealed record AccessApplicationQuery(string? Name = null, string? Domain = null, bool Exact = false)
{
    /// <summary>Every application of the account.</summary>
    public static AccessApplicationQuery All { get; } = new();
}
