namespace DockFlare.Modules.Agents;

/// <summary>The intervals the master tells an agent to use.</summary>
/// <param name="HeartbeatSeconds">Send a heartbeat this often.</param>
/// <param name="InventorySeconds">Send the complete inventory this often (and after reconnecting).</param>
/// <param name="OfflineAfterSeconds">Without a heartbeat for this long the agent is shown offline.</param>
/// <param name="PollWaitSeconds">The <c>wait</c> to use on the commands long poll.</param>
public sealed record AgentIntervals(int HeartbeatSeconds, int InventorySeconds, int OfflineAfterSeconds, int PollWaitSeconds);
