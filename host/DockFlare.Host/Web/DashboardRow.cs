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
    public static DashboardRow From(RouteReport report)
    {
        var route = report.Route;
        var isContainer = route.Source.Kind == RouteSourceKind.Container;
        return new DashboardRow(
            route.Hostname,
            route.PathAsWritten ?? route.Path,
            route.Service,
            isContainer ? $"{route.Source.Host ?? "local"} / {route.Source.Name}" : $"manual: {route.Source.Id}",
            isContainer ? route.Source.Host ?? string.Empty : null,
            isContainer ? route.Source.Name : null,
            route.Zone,
            route.Tunnel,
            DescribeAccess(route.Access),
            StatusText(report.Status),
            report.DeleteAt,
            [.. report.Diagnostics.Select(d => d.Message)]);
    }

    public static string StatusText(RoutePublication status) => status switch
    {
        RoutePublication.Active => "live",
        RoutePublication.PendingDeletion => "pending deletion",
        RoutePublication.Blocked => "blocked",
        _ => "pending",
    };

    public static string DescribeAccess(AccessIntent access) => access.Mode switch
    {
        AccessMode.None => "none",
        AccessMode.Groups => "groups: " + string.Join(", ", access.Groups),
        AccessMode.ZoneDefault => "zone default",
        AccessMode.CustomRules => "custom rules",
        _ => access.Mode.ToString(),
    };
}
