namespace DockFlare.Modules.Agents;

/// <summary>One connector (a running cloudflared) of an agent's tunnel.</summary>
/// <param name="Id">The connector id.</param>
/// <param name="Version">Its cloudflared version.</param>
/// <param name="Arch">Its platform.</param>
/// <param name="RunAt">When it started.</param>
/// <param name="OriginIps">The addresses its connections come from, as Cloudflare sees them.</param>
/// <param name="FromAgent">Whether every origin address is one of the agent's (false: a warning names it); null while no address of the agent is known.</param>
public sealed record AgentConnectorView(string Id, string? Version, string? Arch, DateTimeOffset? RunAt, IReadOnlyList<string> OriginIps, bool? FromAgent);
