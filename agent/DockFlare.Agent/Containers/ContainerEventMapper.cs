using DockFlare.Agent.Master;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Containers;

/// <summary>Turns engine events into the master's v2 event types; other actions (create, kill, rename...) are not sent.</summary>
internal static class ContainerEventMapper
{
    public const string Start = "container_start";
    public const string Stop = "container_stop";
    public const string Die = "container_die";
    public const string Destroy = "container_destroy";

    /// <summary>The event to send, or null when the action does not matter to the master or the container is DockFlare's own.</summary>
    public static PendingEvent? Map(ContainerEvent engineEvent, DockFlareLabels labels)
    {
        var type = engineEvent.Action switch
        {
            "start" => Start,
            "stop" => Stop,
            "die" => Die,
            "destroy" => Destroy,
            _ => null,
        };
        if (type is null || DockFlareLabels.IsOwnContainer(engineEvent.Attributes))
        {
            return null;
        }

        var name = engineEvent.Attributes.TryGetValue("name", out var named) && !string.IsNullOrWhiteSpace(named)
            ? named.TrimStart('/')
            : engineEvent.ContainerId[..Math.Min(12, engineEvent.ContainerId.Length)];
        var state = type switch
        {
            Start => "running",
            Destroy => "removed",
            _ => "exited",
        };
        return new PendingEvent(type, new ReportedContainer(engineEvent.ContainerId, name, state, labels.Filter(engineEvent.Attributes)));
    }
}
