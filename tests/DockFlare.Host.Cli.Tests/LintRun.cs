using System.Text.Json;

namespace DockFlare.Host.Cli.Tests;

/// <summary>One run of the lint command with captured output.</summary>
internal sealed record LintRun(int ExitCode, string Output, string Error)
{
    public static async Task<LintRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LintCommand.RunAsync(args, output, error);
        return new LintRun(code, output.ToString(), error.ToString());
    }

    public JsonDocument Json() => JsonDocument.Parse(Output);
}
