using System.Text.Json.Nodes;

namespace DockFlare.Host.Api;

/// <summary>One command as a v2 agent receives it (the payload holds the token for tunnel commands).</summary>
internal sealed record AgentCommandView(string Id, string Action, JsonObject Payload, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int Deliveries);
