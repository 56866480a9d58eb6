using DockFlare.Core.Engine;

namespace DockFlare.Host.Cli;

/// <summary>
/// <c>dockflare lint FILE</c>: runs the label engine over a compose file (or a JSON container
/// list) and prints what DockFlare would publish. It needs no Redis, Docker, Cloudflare or
/// settings, and never starts the web host.
/// </summary>
internal static class LintCommand
{
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int Unreadable = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(LintArguments.Usage);
            return Clean;
        }

        if (!LintArguments.TryParse(args, out var arguments, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(LintArguments.Usage);
            return Unreadable;
        }

        LintInput input;
        try
        {
            input = await LintInputReader.ReadAsync(arguments!.File, cancellationToken);
        }
        catch (LintInputException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return Unreadable;
        }

        var zones = arguments.Zones is null && arguments.DefaultZone is null
            ? null
            : (arguments.Zones ?? []).Concat(arguments.DefaultZone is null ? [] : [arguments.DefaultZone]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var settings = new EngineSettings { Zones = zones, DefaultZone = arguments.DefaultZone, LabelPrefix = arguments.LabelPrefix };
        var state = DesiredStateEngine.Compute(new EngineInput(input.Containers, [], settings));

        var report = arguments.Format == LintFormat.Json ? LintJsonWriter.Write(input, state) : LintTextWriter.Write(input, state);
        await output.WriteAsync(report);
        if (!report.EndsWith('\n'))
        {
            await output.WriteLineAsync();
        }

        return state.HasErrors ? ErrorsFound : Clean;
    }
}
