namespace DockFlare.Agent.Composition;

/// <summary>The agent's host, or why it cannot start (each problem names its setting).</summary>
internal sealed record AgentBuild(IHost? Host, IReadOnlyList<string> Problems);
