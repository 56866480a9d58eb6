namespace DockFlare.Core.Planning;

/// <summary>
/// The Cloudflare state the planner compares against. The planner uses small records of its
/// own rather than the provider types of <c>DockFlare.Plugins.Abstractions</c>: Core stays free
/// of the plugin contract (and its package references), the comparison works on exactly the
/// fields that matter, and the applier maps provider objects to these in one place.
/// </summary>
/// <param name="Tunnels">Every tunnel the planner may write to, with its id and live ingress. A tunnel of the desired state that is missing here cannot be published.</param>
/// <param name="DnsRecords">The DNS records, in the account's zones, whose names are hostnames of ours (desired or owned).</param>
/// <param name="AccessApps">The Access applications whose domains are ours (desired or owned).</param>
public sealed record ObservedState(
    IReadOnlyList<ObservedTunnel> Tunnels,
    IReadOnlyList<ObservedDnsRecord> DnsRecords,
    IReadOnlyList<ObservedAccessApp> AccessApps)
{
    /// <summary>Nothing observed: a fresh account.</summary>
    public static ObservedState Empty { get; } = new([], [], []);
}
