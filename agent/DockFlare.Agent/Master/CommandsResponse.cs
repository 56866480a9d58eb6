namespace DockFlare.Agent.Master;

/// <summary>The answer to a command poll: pending commands, oldest first, and when to poll again.</summary>
internal sealed record CommandsResponse(IReadOnlyList<MasterCommand>? Commands, int PollAfterSeconds);
