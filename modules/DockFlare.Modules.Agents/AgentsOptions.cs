using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Agents;

/// <summary>Settings of the agent registry (remote Docker hosts).</summary>
public sealed class AgentsOptions
{
    /// <summary>Seconds without a heartbeat after which an agent is shown offline.</summary>
    [ConfigurationKeyName("AGENT_HEARTBEAT_TIMEOUT")]
    [Range(10, 3600, ErrorMessage = "AGENT_HEARTBEAT_TIMEOUT must be between {1} and {2} seconds.")]
    public int HeartbeatTimeoutSeconds { get; set; } = 60;

    /// <summary>Whether a newly registered agent waits for an admin to enrol it.</summary>
    [ConfigurationKeyName("AGENT_ENROLLMENT_REQUIRED")]
    public bool EnrollmentRequired { get; set; } = true;
}
