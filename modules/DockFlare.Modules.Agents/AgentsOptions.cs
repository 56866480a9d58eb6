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

    /// <summary>
    /// How long the routes of an agent's stopped or vanished container stay live (the same
    /// <c>GRACE_PERIOD_SECONDS</c> as local containers).
    /// </summary>
    // Validated once, by the reconciliation options that own the setting; a second check would report a bad value twice.
    [ConfigurationKeyName("GRACE_PERIOD_SECONDS")]
    public int GracePeriodSeconds { get; set; } = 600;

    /// <summary>Requests one agent may make per minute on the agent API before it gets 429.</summary>
    [ConfigurationKeyName("AGENT_RATE_LIMIT_PER_MINUTE")]
    [Range(10, 100_000, ErrorMessage = "AGENT_RATE_LIMIT_PER_MINUTE must be between {1} and {2}.")]
    public int RateLimitPerMinute { get; set; } = 300;

    /// <summary>How often agents are told to send a heartbeat: a third of the offline timeout.</summary>
    public int HeartbeatIntervalSeconds => Math.Max(3, HeartbeatTimeoutSeconds / 3);
}
