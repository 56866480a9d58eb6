namespace DockFlare.Host.Cli;

/// <summary>The lint input could not be read; the message names the file and, for parse errors, the line.</summary>
internal sealed class LintInputException(string message, Exception? inner = null) : Exception(message, inner);
