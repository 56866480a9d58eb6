using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A Cloudflare Tunnel (<c>cfd_tunnel</c>).</summary>
public sealed record CloudflareTunnel
{
    /// <summary>The tunnel id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The tunnel name; unique among the account's live tunnels.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The owning account's id.</summary>
    [JsonPropertyName("account_tag")]
    public string? AccountTag { get; init; }

    /// <summary><c>inactive</c> (never ran), <c>down</c>, <c>degraded</c> or <c>healthy</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>cloudflare</c> when the ingress is managed through the API, <c>local</c> otherwise.</summary>
    [JsonPropertyName("config_src")]
    public string? ConfigSource { get; init; }

    /// <summary>When the tunnel was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the tunnel was deleted; deleted tunnels stay readable.</summary>
    [JsonPropertyName("deleted_at")]
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>When a connector last became connected.</summary>
    [JsonPropertyName("conns_active_at")]
    public DateTimeOffset? ConnectionsActiveAt { get; init; }

    /// <summary>When the last connector disconnected.</summary>
    [JsonPropertyName("conns_inactive_at")]
    public DateTimeOffset? ConnectionsInactiveAt { get; init; }

    /// <summary>Whether the tunnel has been (soft) deleted.</summary>
    [JsonIgnore]
    public bool IsDeleted => DeletedAt is not null;
}
