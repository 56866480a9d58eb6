using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>An account member as the API sends it.</summary>
internal sealed record MemberWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("user")] MemberUserWire? User,
    [property: JsonPropertyName("roles")] IReadOnlyList<NamedWire>? Roles)
{
    public CloudflareAccountMember ToMember() =>
        new(Id, User?.Email ?? "", Status ?? "", Roles?.Select(r => r.Name ?? "").Where(n => n.Length > 0).ToList() ?? []);
}
