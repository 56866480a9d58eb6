using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>The <c>user</c> of an account member.</summary>
internal sealed record MemberUserWire([property: JsonPropertyName("email")] string? Email);
