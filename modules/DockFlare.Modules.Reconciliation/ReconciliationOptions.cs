using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Reconciliation;

/// <summary>How often and how carefully the master reconciles.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>How long the routes of a stopped or removed container stay live (<c>GRACE_PERIOD_SECONDS</c>, default 600).</summary>
    [ConfigurationKeyName("GRACE_PERIOD_SECONDS")]
    [Range(0, 30 * 24 * 3600, ErrorMessage = "GRACE_PERIOD_SECONDS must be between {1} and {2}.")]
    public int GracePeriodSeconds { get; set; } = 600;

    /// <summary>The interval of the recurring <c>reconcile</c> job, which also repairs drift (<c>RECONCILE_INTERVAL_SECONDS</c>, default 300).</summary>
    [ConfigurationKeyName("RECONCILE_INTERVAL_SECONDS")]
    [Range(60, 24 * 3600, ErrorMessage = "RECONCILE_INTERVAL_SECONDS must be between {1} and {2}.")]
    public int ReconcileIntervalSeconds { get; set; } = 300;

    /// <summary>The interval of the full Docker container list that backs up the event stream (<c>DOCKER_RESCAN_SECONDS</c>, default 60).</summary>
    [ConfigurationKeyName("DOCKER_RESCAN_SECONDS")]
    [Range(5, 3600, ErrorMessage = "DOCKER_RESCAN_SECONDS must be between {1} and {2}.")]
    public int DockerRescanSeconds { get; set; } = 60;

    /// <summary>How long requests are gathered before one reconcile runs (<c>RECONCILE_DEBOUNCE_MS</c>, default 500).</summary>
    [ConfigurationKeyName("RECONCILE_DEBOUNCE_MS")]
    [Range(0, 60_000, ErrorMessage = "RECONCILE_DEBOUNCE_MS must be between {1} and {2}.")]
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>Whether the local Docker engine is a source of routes (<c>DOCKER_SOURCE_ENABLED</c>, default true).</summary>
    [ConfigurationKeyName("DOCKER_SOURCE_ENABLED")]
    public bool DockerSourceEnabled { get; set; } = true;

    public TimeSpan GracePeriod => TimeSpan.FromSeconds(GracePeriodSeconds);
}
