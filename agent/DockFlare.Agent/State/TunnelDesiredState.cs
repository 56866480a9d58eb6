namespace DockFlare.Agent.State;

/// <summary>Whether the master wants this agent's cloudflared to run (the original agent's <c>desired_state</c>).</summary>
internal enum TunnelDesiredState
{
    /// <summary>The master never said: nothing is started or removed.</summary>
    Unknown,

    /// <summary>A <c>start_tunnel</c> (or <c>restart_tunnel</c>) was the last word: cloudflared is kept running.</summary>
    Running,

    /// <summary>A <c>stop_tunnel</c> (or a removal) was the last word: cloudflared is gone and stays gone.</summary>
    Stopped,
}
