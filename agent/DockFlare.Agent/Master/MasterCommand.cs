using System.Text.Json.Nodes;

namespace DockFlare.Agent.Master;

/// <summary>One command from the long poll. The payload of tunnel commands holds the token: it is never logged.</summary>
internal sealed record MasterCommand(string Id, string Action, JsonObject? Payload, int Deliveries)
{
    /// <inheritdoc />
    public override string ToString() => $"{Action} ({Id})";
}
