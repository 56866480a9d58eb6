namespace DockFlare.Modules.Agents;

/// <summary>An agent's liveness, from heartbeat keys on the master's clock only.</summary>
public enum AgentLiveness
{
    /// <summary>A heartbeat arrived within one interval.</summary>
    Online,

    /// <summary>At least one heartbeat interval was missed, but the heartbeat key has not expired.</summary>
    Stale,

    /// <summary>The heartbeat key expired (or never existed). Routes are unchanged.</summary>
    Offline,
}
