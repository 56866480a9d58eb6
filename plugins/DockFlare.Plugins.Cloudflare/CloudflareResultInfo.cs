using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>The <c>result_info</c> of a list response.</summary>
internal sealed record CloudflareResultInfo(
    [property: JsonPropertyName("page")] int? Page,
    [property: JsonPropertyName("per_page")] int? PerPage,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("total_count")] int? TotalCount,
    [property: JsonPropertyName("total_pages")] int? TotalPages);
