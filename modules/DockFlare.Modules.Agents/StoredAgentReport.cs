namespace DockFlare.Modules.Agents;

/// <summary>
/// An agent's containers as it last reported them (raw, before the scope check), and the event
/// session whose sequence numbers were applied. Kept for pending agents too, so enrolment and scope
/// changes re-check the same report.
/// </summary>
internal sealed record StoredAgentReport(IReadOnlyList<ReportedContainer> Containers, DateTimeOffset At)
{
    public string? SessionId { get; init; }

    public long? LastSequence { get; init; }
}
