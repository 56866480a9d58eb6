using System.Globalization;
using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>
/// Cloudflare paging: 1-based <c>page</c>, <c>per_page</c> clamped to the endpoint's bounds, a page past
/// the end is an empty success, and <c>result_info</c> carries page, per_page, count, total_count and total_pages.
/// </summary>
internal static class Paging
{
    public static IResult Page(HttpRequest request, IReadOnlyList<JsonNode> items, int defaultPerPage, int minPerPage, int maxPerPage)
    {
        var page = Number(request, "page", 1, 1, int.MaxValue);
        var perPage = Number(request, "per_page", defaultPerPage, minPerPage, maxPerPage);
        var skip = (long)(page - 1) * perPage;
        var slice = skip >= items.Count ? [] : items.Skip((int)skip).Take(perPage).Select(i => i.DeepClone()).ToArray();
        var info = new JsonObject
        {
            ["page"] = page,
            ["per_page"] = perPage,
            ["count"] = slice.Length,
            ["total_count"] = items.Count,
            ["total_pages"] = Math.Max(1, (int)Math.Ceiling(items.Count / (double)perPage)),
        };
        return CfResults.Ok(new JsonArray(slice), resultInfo: info);
    }

    private static int Number(HttpRequest request, string key, int fallback, int min, int max)
    {
        var text = request.Query[key].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw EmulatorError.BadRequest(1001, $"Invalid value for {key}: must be a number");
        }

        // Out-of-range values are clamped, as the real API is expected to (SPEC 3.3), so len < per_page loops end.
        return (int)Math.Clamp(value, min, max);
    }
}
