namespace DockFlare.Modules.Agents;

/// <summary>The lifecycle states of an agent.</summary>
public static class AgentStatus
{
    /// <summary>Registered, waiting for an admin; its reports are stored but not published.</summary>
    public const string Pending = "pending";

    /// <summary>Enrolled: its in-scope containers are published (on its tunnel once it has one).</summary>
    public const string Enrolled = "enrolled";

    /// <summary>Removed by an admin: its routes are in their grace period, its tunnel is deleted when free.</summary>
    public const string Removing = "removing";
}
