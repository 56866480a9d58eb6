namespace DockFlare.Modules.Agents;

/// <summary>What an agent says about itself when it registers.</summary>
/// <param name="AgentId">The id it already has (kept only if it is a UUID not used by another key), or null.</param>
/// <param name="DisplayName">Its preferred name, or null.</param>
/// <param name="Hostname">Its Docker host's name, or null.</param>
/// <param name="Version">Its version string, or null.</param>
public sealed record AgentRegistration(string? AgentId, string? DisplayName, string? Hostname, string? Version)
{
    /// <summary>Whether the agent said which tunnel its saved state holds (our agent does; the original does not).</summary>
    public bool ReportsTunnel { get; init; }

    /// <summary>The tunnel the agent's saved state holds, when <see cref="ReportsTunnel"/>; null: none.</summary>
    public string? TunnelId { get; init; }
}
