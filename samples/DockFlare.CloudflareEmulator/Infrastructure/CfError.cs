using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>One item of an envelope's <c>errors</c>, optionally with nested causes.</summary>
internal sealed record CfError(int Code, string Message, IReadOnlyList<CfError>? Chain = null)
{
    public JsonObject ToJson()
    {
        var item = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Chain is { Count: > 0 })
        {
            item["error_chain"] = new JsonArray(Chain.Select(c => (JsonNode)c.ToJson()).ToArray());
        }

        return item;
    }
}
