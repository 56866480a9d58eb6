namespace DockFlare.Agent.Master;

/// <summary>The pacing the master asks for (register and heartbeat answers), in seconds.</summary>
internal sealed record MasterIntervals(int HeartbeatSeconds, int InventorySeconds, int OfflineAfterSeconds, int PollWaitSeconds)
{
    /// <summary>The master's defaults, used until it answers.</summary>
    public static readonly MasterIntervals Default = new(20, 60, 60, 25);

    /// <summary>These intervals with out-of-range values replaced by the defaults (the long poll is capped at the master's 60 s).</summary>
    public MasterIntervals Sanitised() => new(
        HeartbeatSeconds is >= 1 and <= 3600 ? HeartbeatSeconds : Default.HeartbeatSeconds,
        InventorySeconds is >= 5 and <= 86400 ? InventorySeconds : Default.InventorySeconds,
        OfflineAfterSeconds > 0 ? OfflineAfterSeconds : Default.OfflineAfterSeconds,
        PollWaitSeconds is >= 0 and <= 60 ? PollWaitSeconds : Default.PollWaitSeconds);
}
