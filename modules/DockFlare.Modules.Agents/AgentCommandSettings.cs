namespace DockFlare.Modules.Agents;

/// <summary>The tuning of the command streams; the defaults suit production, tests shorten them.</summary>
internal sealed record AgentCommandSettings
{
    /// <summary>How many commands each agent's history keeps; older final ones are trimmed.</summary>
    public int HistoryLimit { get; init; } = 200;

    /// <summary>
    /// A command acknowledged as received but never finished is delivered again after this long
    /// (the agent may have crashed while running it; at-least-once).
    /// </summary>
    public TimeSpan ReceivedRedeliveryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A waiting long poll looks at the store this often even without a wake-up (lost pub/sub message).</summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest result text kept per command.</summary>
    public int MaxResultLength { get; init; } = 4096;

    public static AgentCommandSettings Default { get; } = new();

    public string? Truncate(string? result) =>
        result is null || result.Length <= MaxResultLength ? result : result[..MaxResultLength];
}
