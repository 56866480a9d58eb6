using System.Text.Json.Serialization;

namespace DockFlare.Host.Web.Cloudflare;

/// <summary>A Cloudflare account id and API token entered in the UI.</summary>
internal sealed record CloudflareCredentials(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("token")] string Token);
