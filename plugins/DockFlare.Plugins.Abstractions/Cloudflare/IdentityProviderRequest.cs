using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// The content of an identity provider, for a create or a replace. <see cref="Config"/> may hold client
/// secrets: <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="Name">The display name.</param>
/// <param name="Type">The kind, such as <c>onetimepin</c> or <c>oidc</c>.</param>
/// <param name="Config">The type-specific settings (<c>{}</c> for <c>onetimepin</c>).</param>
public sealed record IdentityProviderRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("config")] JsonElement Config)
{
    /// <summary>Names the provider without its settings, which may hold secrets.</summary>
    public override string ToString() => $"IdentityProviderRequest {{ Name = {Name}, Type = {Type} }}";
}
