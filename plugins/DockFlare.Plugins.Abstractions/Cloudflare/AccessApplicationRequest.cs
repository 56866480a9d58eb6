using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The content of a self-hosted Access application, for a create or a replace (PUT).</summary>
public sealed record AccessApplicationRequest
{
    /// <summary>The application name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The primary <c>host[/path]</c>; its host must be in a zone of the account.</summary>
    [JsonPropertyName("domain")] public required string Domain { get; init; }

    /// <summary>The application type; DockFlare manages <c>self_hosted</c> applications.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "self_hosted";

    /// <summary>Further protected destinations (sent only when set).</summary>
    [JsonPropertyName("destinations")] public IReadOnlyList<AccessDestination>? Destinations { get; init; }

    /// <summary>All protected domains, for accounts that still read the deprecated field.</summary>
    [JsonPropertyName("self_hosted_domains")] public IReadOnlyList<string>? SelfHostedDomains { get; init; }

    /// <summary>How long a login lasts (Go duration such as <c>24h</c>).</summary>
    [JsonPropertyName("session_duration")] public string? SessionDuration { get; init; }

    /// <summary>The identity providers allowed; empty or unset means all.</summary>
    [JsonPropertyName("allowed_idps")] public IReadOnlyList<string>? AllowedIdps { get; init; }

    /// <summary>Skips the provider choice; requires exactly one allowed IdP.</summary>
    [JsonPropertyName("auto_redirect_to_identity")] public bool? AutoRedirectToIdentity { get; init; }

    /// <summary>Whether the application shows in the App Launcher.</summary>
    [JsonPropertyName("app_launcher_visible")] public bool? AppLauncherVisible { get; init; }

    /// <summary>The attached policies: links to reusable policies or inline policies.</summary>
    [JsonPropertyName("policies")] public IReadOnlyList<AccessPolicyAttachment>? Policies { get; init; }

    /// <summary>Tags of the application.</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }
}
