namespace DockFlare.Agent.State;

/// <summary>A command this agent executed, kept so that a redelivery is acknowledged again instead of run twice.</summary>
/// <param name="Id">The master's command id.</param>
/// <param name="Action">The command's action, for logs.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="Result">The result string sent with the acknowledgement (never a secret).</param>
/// <param name="At">When it finished.</param>
internal sealed record CommandRecord(string Id, string Action, bool Succeeded, string Result, DateTimeOffset At);
