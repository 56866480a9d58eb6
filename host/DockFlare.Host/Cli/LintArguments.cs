namespace DockFlare.Host.Cli;

/// <summary>The arguments of <c>lint FILE [--zones a,b] [--default-zone z] [--label-prefix p] [--format json|text]</c>.</summary>
internal sealed record LintArguments(string File, IReadOnlyList<string>? Zones, string? DefaultZone, string? LabelPrefix, LintFormat Format)
{
    public const string Usage = """
        Usage: dockflare lint FILE [--zones example.com,example.co.uk] [--default-zone example.com]
                                   [--label-prefix myco] [--format text|json]

        Checks the DockFlare labels of a docker-compose file (or a JSON array of {"name", "labels"})
        with the same engine the master uses, and prints routes, the ingress document per tunnel
        and diagnostics. Without --zones, zones are not checked.

        Exit codes: 0 no errors, 1 errors found, 2 the file or the arguments could not be read.
        """;

    /// <summary>Parses the arguments; false with a problem to print next to the usage.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out LintArguments? arguments, out string problem)
    {
        arguments = null;
        string? file = null;
        IReadOnlyList<string>? zones = null;
        string? defaultZone = null;
        string? prefix = null;
        var format = LintFormat.Text;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal)
                ? (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                : (arg, null);
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                if (file is not null)
                {
                    problem = $"Only one FILE may be given ('{file}' and '{arg}').";
                    return false;
                }

                file = arg;
                continue;
            }

            var value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"{name} needs a value.";
                    return false;
                }

                value = args[++i];
            }

            switch (name)
            {
                case "--zones":
                    zones = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--default-zone":
                    defaultZone = value.Trim();
                    break;
                case "--label-prefix":
                    prefix = value.Trim();
                    break;
                case "--format":
                    if (!Enum.TryParse(value, ignoreCase: true, out format) || !Enum.IsDefined(format))
                    {
                        problem = $"--format must be text or json, not '{value}'.";
                        return false;
                    }

                    break;
                default:
                    problem = $"Unknown option '{name}'.";
                    return false;
            }
        }

        if (file is null)
        {
            problem = "FILE is missing.";
            return false;
        }

        arguments = new LintArguments(file, zones, defaultZone, prefix, format);
        problem = "";
        return true;
    }
}
