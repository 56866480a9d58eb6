namespace DockFlare.Agent.Master;

/// <summary>One container event in a batch: its sequence number in the session, its type and the container.</summary>
internal sealed record AgentEventItem(long Seq, string Type, ReportedContainer Container);
