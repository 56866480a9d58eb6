namespace DockFlare.Agent.Commands;

/// <summary>The command actions the master queues, and the acknowledgement outcomes.</summary>
internal static class CommandActions
{
    public const string StartTunnel = "start_tunnel";
    public const string RestartTunnel = "restart_tunnel";
    public const string StopTunnel = "stop_tunnel";
    public const string UpdateImage = "update_image";
    public const string Resync = "resync";

    public const string Received = "received";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
