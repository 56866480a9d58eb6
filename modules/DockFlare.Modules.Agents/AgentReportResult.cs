namespace DockFlare.Modules.Agents;

/// <summary>What the master did with an inventory or a batch of events.</summary>
/// <param name="Accepted">How many containers (or events) were taken into account.</param>
/// <param name="Published">Whether the agent's containers are published (false while it is pending).</param>
/// <param name="Diagnostics">Why some containers were rejected (out of scope), in user terms.</param>
public sealed record AgentReportResult(int Accepted, bool Published, IReadOnlyList<string> Diagnostics)
{
    /// <summary>The highest event sequence applied in the session, for batches of events.</summary>
    public long? AcceptedThrough { get; init; }

    /// <summary>How many events of the batch were already applied (a retry).</summary>
    public int Duplicates { get; init; }
}
