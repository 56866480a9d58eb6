using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Web;

/// <summary>One route as the dashboard shows it (and sends it over server-sent events).</summary>
internal sealed record DashboardRow(
    string Hostname,
    string? Path,
    string Service,
    string Source,
    string? ContainerHost,
    string? ContainerName,
    string? Zone,
    string Tunnel,
    string Access,
    string Status,
    DateTimeOffset? DeleteAt,
    IReadOnlyList<string> Diagnostics)
{
    public static DashboardRow From(RouteReport report) => From(report, null);

    /// <param name="report">The route and its publication status.</param>
    /// <param name="last">The last reconcile, whose errors name the routes it failed on.</param>
    /// <param name="hostNames">Names for hosts that are agent ids (the agent's display name); others are shown as they are.</param>
    public static DashboardRow From(RouteReport report, ReconcileOutcome? last, IReadOnlyDictionary<string, string>? hostNames = null)
    {
        var route = report.Route;
        var isContainer = route.Source.Kind == RouteSourceKind.Container;
        return new DashboardRow(
            route.Hostname,
            route.PathAsWritten ?? route.Path,
            route.Service,
            isContainer ? $"{HostName(route.Source.Host, hostNames)} / {route.Source.Name}" : $"manual: {route.Source.Id}",
            isContainer ? route.Source.Host ?? string.Empty : null,
            isContainer ? route.Source.Name : null,
            route.Zone,
            route.Tunnel,
            DescribeAccess(route.Access),
            StatusText(report, last),
            report.DeleteAt,
            [.. report.Diagnostics.Select(d => d.Message)]);
    }

    /// <summary>
    /// What the dashboard calls a route's state: <c>live</c>, <c>pending deletion</c>, <c>conflict</c> (blocked by an
    /// object DockFlare does not own), <c>blocked</c> (fail closed, such as Access that cannot be confirmed),
    /// <c>error</c> (not published yet and the last reconcile failed on its hostname) or <c>pending</c>.
    /// </summary>
    public static string StatusText(RouteReport report, ReconcileOutcome? last) => report.Status switch
    {
        RoutePublication.Active => "live",
        RoutePublication.PendingDeletion => "pending deletion",
        RoutePublication.Blocked when report.Diagnostics.Any(d => d.Code.EndsWith("-conflict", StringComparison.Ordinal)) => "conflict",
        RoutePublication.Blocked => "blocked",
        _ when last is { Succeeded: false } && last.Errors.Any(e => e.Contains(report.Route.Hostname, StringComparison.OrdinalIgnoreCase)) => "error",
        _ => "pending",
    };

    private static string HostName(string? host, IReadOnlyDictionary<string, string>? names) =>
        host is null ? "local" : names is not null && names.TryGetValue(host, out var name) ? name : host;

    public static string DescribeAccess(AccessIntent access) => access.Mode switch
    {
        AccessMode.None => "none",
        AccessMode.Groups => "groups: " + string.Join(", ", access.Groups),
        AccessMode.ZoneDefault => "zone default",
        AccessMode.CustomRules => "custom rules",
        _ => access.Mode.ToString(),
    };
}
