namespace DockFlare.Host.Cli;

/// <summary>How the linter prints its report.</summary>
internal enum LintFormat
{
    Text,
    Json,
}
