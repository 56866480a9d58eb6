using System.Security.Cryptography;
using System.Text;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;

namespace DockFlare.Host.Web.DryRun;

/// <summary>The plan page's "drift and conflicts" list: the planner's findings and the steps that overwrite objects DockFlare owns.</summary>
internal static class PlanFindings
{
    private static readonly HashSet<string> ConflictCodes =
        [PlanDiagnosticCodes.DnsConflict, PlanDiagnosticCodes.IngressConflict, PlanDiagnosticCodes.AccessConflict];

    private static readonly HashSet<string> UnmanagedCodes = [PlanDiagnosticCodes.DnsForeignMatch, PlanDiagnosticCodes.IngressForeignMatch];

    public static IReadOnlyList<PlanFinding> From(Core.Planning.Plan plan, IReadOnlyList<RouteSpec> routes, IReadOnlyList<PlanStep> steps)
    {
        var findings = new List<PlanFinding>();
        foreach (var diagnostic in plan.Diagnostics)
        {
            var kind = ConflictCodes.Contains(diagnostic.Code) ? PlanFindingKind.Conflict
                : UnmanagedCodes.Contains(diagnostic.Code) ? PlanFindingKind.Unmanaged
                : PlanFindingKind.Note;
            var route = kind == PlanFindingKind.Note ? null : RouteOf(diagnostic, routes);
            findings.Add(new PlanFinding(
                KeyOf("diagnostic", diagnostic.Code, diagnostic.Host ?? "", diagnostic.Source ?? "", diagnostic.Message),
                kind,
                diagnostic.Severity.ToString().ToLowerInvariant(),
                diagnostic.Code,
                diagnostic.Source is null ? "" : diagnostic.Host is null ? diagnostic.Source : $"{diagnostic.Source} on {diagnostic.Host}",
                diagnostic.Message,
                route?.Hostname,
                route?.Path));
        }

        foreach (var step in steps.Where(s => s.ChangesOwnedObject))
        {
            findings.Add(new PlanFinding(
                KeyOf("drift", step.Operation, step.Subject, step.Before ?? "", step.After ?? ""),
                PlanFindingKind.Drift,
                "warning",
                step.Operation,
                step.Subject,
                $"{step.Action} {step.Subject}: {step.Before ?? "(none)"} → {step.After ?? "(none)"}",
                null,
                null));
        }

        return findings;
    }

    /// <summary>Whether <paramref name="key"/> has the shape of a finding key (so a forged form value is refused before any lookup).</summary>
    public static bool IsKey(string? key) => key is { Length: 16 } && key.All(char.IsAsciiHexDigitLower);

    // The planner names the source (container or manual rule) and, in the message, the route key or hostname.
    private static RouteSpec? RouteOf(Diagnostic diagnostic, IReadOnlyList<RouteSpec> routes) =>
        routes.Where(r => IsSource(diagnostic, r.Source))
            .Where(r => diagnostic.Message.Contains(r.Key.ToString(), StringComparison.OrdinalIgnoreCase)
                        || diagnostic.Message.Contains(r.Hostname, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => diagnostic.Message.Contains(r.Key.ToString(), StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(r => r.Key.Path.Length)
            .FirstOrDefault();

    private static bool IsSource(Diagnostic diagnostic, RouteSource source) =>
        source.Kind == RouteSourceKind.Manual
            ? diagnostic.Source == source.Name
            : diagnostic.Source == source.Name && (diagnostic.Host is null || diagnostic.Host == source.Host);

    private static string KeyOf(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..16];
}
