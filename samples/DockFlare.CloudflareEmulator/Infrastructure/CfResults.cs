using System.Text;
using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Builds Cloudflare envelopes: <c>success</c>, <c>errors</c>, <c>messages</c> and <c>result</c> always present.</summary>
internal static class CfResults
{
    public static IResult Ok(JsonNode? result, int status = 200, JsonObject? resultInfo = null, JsonArray? messages = null)
    {
        var envelope = new JsonObject
        {
            ["success"] = true,
            ["errors"] = new JsonArray(),
            ["messages"] = messages ?? new JsonArray(),
            ["result"] = result,
        };
        if (resultInfo is not null)
        {
            envelope["result_info"] = resultInfo;
        }

        return Json(envelope, status);
    }

    public static IResult Fail(int status, IEnumerable<CfError> errors) => Json(FailureBody(errors), status);

    public static JsonObject FailureBody(IEnumerable<CfError> errors) => new()
    {
        ["success"] = false,
        ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e.ToJson()).ToArray()),
        ["messages"] = new JsonArray(),
        ["result"] = null,
    };

    public static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
    }

    private static IResult Json(JsonObject envelope, int status) =>
        Results.Content(envelope.ToJsonString(), "application/json", Encoding.UTF8, status);
}
