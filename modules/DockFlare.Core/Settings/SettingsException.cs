namespace DockFlare.Core.Settings;

/// <summary>One or more settings are invalid; the message names each of them.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
