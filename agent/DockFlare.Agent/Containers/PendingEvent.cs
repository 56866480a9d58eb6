using DockFlare.Agent.Master;

namespace DockFlare.Agent.Containers;

/// <summary>A container event waiting to be sent: its v2 type and the container (DockFlare labels only).</summary>
internal sealed record PendingEvent(string Type, ReportedContainer Container);
