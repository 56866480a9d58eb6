using System.Text.Json.Serialization;

namespace DockFlare.Host.Api;

/// <summary>The body of an agent API error: the original agent's envelope plus a stable code.</summary>
internal sealed record AgentError(string Status, string Error, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Diagnostics { get; init; }
}
