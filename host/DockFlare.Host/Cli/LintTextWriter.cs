using System.Globalization;
using System.Text;
using System.Text.Json;
using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Host.Cli;

/// <summary>Writes the linter's report for people: a summary line, routes, ingress per tunnel, diagnostics.</summary>
internal static class LintTextWriter
{
    private static readonly JsonSerializerOptions OriginOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Write(LintInput input, DesiredState state)
    {
        var text = new StringBuilder();
        var errors = state.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = state.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        text.Append(CultureInfo.InvariantCulture,
            $"{input.File}: {Plural(input.Containers.Count, "container")}, {Plural(state.Routes.Count, "route")}, {Plural(errors, "error")}, {Plural(warnings, "warning")}\n");

        if (state.Routes.Count > 0)
        {
            text.Append("\nRoutes\n");
            foreach (var route in state.Routes)
            {
                var where = route.PathAsWritten is null ? route.Hostname : $"{route.Hostname} {route.PathAsWritten}";
                text.Append(CultureInfo.InvariantCulture, $"  {where} -> {route.Service}");
                text.Append(CultureInfo.InvariantCulture, $"  [zone {route.Zone ?? "?"}, tunnel {route.Tunnel}, {route.Source.Describe()}");
                if (route.Access.Mode != AccessMode.None)
                {
                    text.Append(CultureInfo.InvariantCulture, $", access {Access(route.Access)}");
                }

                text.Append(route.PendingDeletion ? ", pending deletion]\n" : "]\n");
            }
        }

        foreach (var document in state.Ingress)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nIngress of tunnel '{document.Tunnel}'\n");
            for (var i = 0; i < document.Rules.Count; i++)
            {
                var rule = document.Rules[i];
                text.Append(CultureInfo.InvariantCulture, $"  {i + 1,3}. {rule.Hostname ?? "*"}");
                if (rule.Path is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" path {rule.Path}");
                }

                text.Append(CultureInfo.InvariantCulture, $" -> {rule.Service}");
                if (rule.OriginRequest is not null)
                {
                    text.Append(' ').Append(JsonSerializer.Serialize(rule.OriginRequest, OriginOptions));
                }

                text.Append('\n');
            }
        }

        if (state.Diagnostics.Count > 0)
        {
            text.Append("\nDiagnostics\n");
            foreach (var diagnostic in state.Diagnostics)
            {
                var where = string.Join(" ", new[] { diagnostic.Source, diagnostic.Label }.Where(s => s is not null));
                text.Append(CultureInfo.InvariantCulture,
                    $"  {diagnostic.Severity.ToString().ToLowerInvariant(),-7} {diagnostic.Code}{(where.Length == 0 ? "" : "  " + where)}\n          {diagnostic.Message}\n");
            }
        }

        return text.ToString();
    }

    private static string Access(AccessIntent access) => access.Mode switch
    {
        AccessMode.Groups => "groups " + string.Join(",", access.Groups),
        AccessMode.ZoneDefault => "zone default app",
        AccessMode.CustomRules => "custom rules",
        _ => "none",
    };

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}
