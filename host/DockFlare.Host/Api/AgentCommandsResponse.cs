namespace DockFlare.Host.Api;

/// <summary>The v2 answer to a command poll: the pending commands, oldest first, and when to poll again.</summary>
internal sealed record AgentCommandsResponse(IReadOnlyList<AgentCommandView> Commands, int PollAfterSeconds);
