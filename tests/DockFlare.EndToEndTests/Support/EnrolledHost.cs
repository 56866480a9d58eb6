namespace DockFlare.EndToEndTests.Support;

/// <summary>A host of the scenario once its agent is enrolled: its engine, agent, tunnel and the agent's cloudflared.</summary>
internal sealed record EnrolledHost(string Name, PrivateDockerEngine Engine, AgentProcess Agent, string AgentId, string TunnelId, string CloudflaredId)
{
    public string CnameTarget => TunnelId + ".cfargotunnel.com";
}
