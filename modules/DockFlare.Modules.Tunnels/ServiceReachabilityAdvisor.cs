using System.Net;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Warns about routes on the master's tunnel whose service is a bare container name (<c>http://api:8080</c>)
/// when that container shares no Docker network with the managed cloudflared (B34-3): Docker's DNS will not
/// resolve the name there, so the route is published but answers 502.
/// </summary>
/// <remarks>
/// A name is matched against container names and compose service names (<c>com.docker.compose.service</c>, which
/// compose registers as a network alias). Nothing is said when the name matches no local container (it may be
/// an alias or a host outside Docker), in external mode (cloudflared is not ours to find), or when Docker or
/// Cloudflare cannot be asked: advice never blocks or delays a route.
/// </remarks>
internal sealed class ServiceReachabilityAdvisor(
    TunnelsOptions options,
    IMasterTunnel tunnel,
    ILogger<ServiceReachabilityAdvisor> log,
    IContainerRuntime? runtime = null) : IRouteAdvisor
{
    /// <summary>The diagnostic code of the warning.</summary>
    public const string NetworkNotSharedCode = "service-network-unshared";

    private const string ComposeServiceLabel = "com.docker.compose.service";

    public async Task<IReadOnlyList<Diagnostic>> AdviseAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        // No Docker provider loaded (a broken plugin): nothing can be checked.
        if (options.UseExternalCloudflared || runtime is null)
        {
            return [];
        }

        KnownTunnel master;
        IReadOnlyList<ContainerSnapshot> local;
        try
        {
            master = await tunnel.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var routes = desired.Routes.Where(r => r.Tunnel == master.Name && BareHost(r.Service) is not null).ToList();
            if (routes.Count == 0)
            {
                return [];
            }

            local = await runtime.ListContainersAsync([], includeStopped: true, cancellationToken).ConfigureAwait(false);
            return Advise(routes, local, CloudflaredContainerName.For(master.Name));
        }
        catch (Exception ex) when (ex is ReconcileException or ContainerRuntimeUnavailableException)
        {
            log.LogDebug("Service reachability not checked: {Reason}", ex.Message);
            return [];
        }
    }

    private static List<Diagnostic> Advise(List<RouteSpec> routes, IReadOnlyList<ContainerSnapshot> local, string cloudflaredName)
    {
        var diagnostics = new List<Diagnostic>();
        // The runner alternates between the name and its "-b" twin on every replacement: the running one is the live one.
        var alternate = CloudflaredContainerName.Alternate(cloudflaredName);
        var candidates = local.Where(c => c.Name == cloudflaredName || c.Name == alternate).ToList();
        if ((candidates.FirstOrDefault(c => c.IsRunning) ?? candidates.FirstOrDefault()) is not { } cloudflared)
        {
            return diagnostics;
        }

        var reported = new HashSet<(string Owner, string Host)>();
        foreach (var route in routes)
        {
            var host = BareHost(route.Service)!;
            var targets = local.Where(c => c.Id != cloudflared.Id && Answers(c, host)).ToList();
            if (targets.Count == 0 || targets.Any(t => t.Networks.Intersect(cloudflared.Networks, StringComparer.Ordinal).Any()))
            {
                continue;
            }

            if (!reported.Add((route.Source.OwnerKey, host)))
            {
                continue;
            }

            var theirs = targets.SelectMany(t => t.Networks).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var message = $"service host '{host}' is on network(s) {Quoted(theirs, "(none)")}, none shared with cloudflared "
                        + $"({Quoted(cloudflared.Networks, "no network")}); the route is published but cannot be reached. "
                        + $"Attach '{host}' to one of cloudflared's networks, or use an address cloudflared can reach.";
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, NetworkNotSharedCode, route.Source.Name, null, message)
            {
                ContainerId = route.Source.Kind == RouteSourceKind.Container ? route.Source.Id : null,
                Host = route.Source.Host,
            });
        }

        return diagnostics;
    }

    private static bool Answers(ContainerSnapshot container, string host) =>
        string.Equals(container.Name, host, StringComparison.OrdinalIgnoreCase)
        || (container.Labels.TryGetValue(ComposeServiceLabel, out var service) && string.Equals(service, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>The service's host when it is a bare container-style name: not an IP, not dotted, not localhost.</summary>
    private static string? BareHost(string service)
    {
        if (!Uri.TryCreate(service, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var host = uri.Host;
        return host.Length == 0 || host.Contains('.', StringComparison.Ordinal) || IPAddress.TryParse(host, out _)
               || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? null
            : host;
    }

    private static string Quoted(IReadOnlyCollection<string> names, string empty) =>
        names.Count == 0 ? empty : string.Join(", ", names.Select(n => $"'{n}'"));
}
