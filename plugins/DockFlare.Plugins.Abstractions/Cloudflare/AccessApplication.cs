using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>An Access application as Cloudflare returns it.</summary>
public sealed record AccessApplication
{
    /// <summary>The application id (a UUID).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The audience tag (64 hex characters), for <c>originRequest.access.audTag</c>.</summary>
    [JsonPropertyName("aud")] public string? Aud { get; init; }

    /// <summary>The application type, such as <c>self_hosted</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "self_hosted";

    /// <summary>The application name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The primary <c>host[/path]</c> protected.</summary>
    [JsonPropertyName("domain")] public string? Domain { get; init; }

    /// <summary>All protected domains (deprecated by Cloudflare in favour of destinations, still returned).</summary>
    [JsonPropertyName("self_hosted_domains")] public IReadOnlyList<string>? SelfHostedDomains { get; init; }

    /// <summary>The protected destinations.</summary>
    [JsonPropertyName("destinations")] public IReadOnlyList<AccessDestination>? Destinations { get; init; }

    /// <summary>How long a login lasts (Go duration, default <c>24h</c>).</summary>
    [JsonPropertyName("session_duration")] public string? SessionDuration { get; init; }

    /// <summary>The identity providers allowed; empty means all.</summary>
    [JsonPropertyName("allowed_idps")] public IReadOnlyList<string>? AllowedIdps { get; init; }

    /// <summary>Whether users skip the provider choice (requires exactly one allowed IdP).</summary>
    [JsonPropertyName("auto_redirect_to_identity")] public bool AutoRedirectToIdentity { get; init; }

    /// <summary>Whether the application shows in the App Launcher.</summary>
    [JsonPropertyName("app_launcher_visible")] public bool AppLauncherVisible { get; init; } = true;

    /// <summary>The attached policies in precedence order, resolved into full policy objects.</summary>
    [JsonPropertyName("policies")] public IReadOnlyList<AccessPolicy> Policies { get; init; } = [];

    /// <summary>The application's tags.</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>When the application was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the application was last changed.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Whether the application protects <paramref name="hostname"/> through its domain, its self-hosted
    /// domains or a public destination (case-insensitive; a trailing dot is ignored).
    /// </summary>
    public bool Protects(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var wanted = Canonical(hostname);
        return Candidates().Any(candidate => string.Equals(Canonical(candidate), wanted, StringComparison.Ordinal));
    }

    private IEnumerable<string> Candidates()
    {
        if (Domain is not null)
        {
            yield return Domain;
        }

        foreach (var domain in SelfHostedDomains ?? [])
        {
            yield return domain;
        }

        foreach (var destination in Destinations ?? [])
        {
            if (destination.Uri is not null)
            {
                yield return destination.Uri;
            }
        }
    }

    private static string Canonical(string value)
    {
        var text = value.Trim();
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
}
