using System.Text.Json;
using System.Text.Json.Serialization;
namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A tunnel's stored configuration and its version.</summary>
/// <param name="TunnelId">The tunnel.</param>
/// <param name="Version">Incremented by every configuration PUT; cloudflared reports the version it runs.</param>
/// <param name="Config">The configuration; empty ingress when none was ever pushed.</param>
/// <param name="Source"><c>cloudflare</c> (remotely managed) or <c>local</c>.</param>
/// <param name="CreatedAt">When this version was stored.</param>
public sealed record TunnelConfiguration(
    string TunnelId,
    int Version,
    TunnelIngressConfiguration Config,
    string? Source,
    DateTimeOffset? CreatedAt)
{
    /// <summary>
    /// Fields this model does not know, kept as read and sent back unchanged (for example <c>account_id</c>).
    /// Keys are the JSON names as Cloudflare spelled them; <see langword="null"/> when there were none.
    /// A key that names a modelled property is ignored when writing: the modelled property wins.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
}
