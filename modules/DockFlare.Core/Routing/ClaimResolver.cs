using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Routing;

/// <summary>
/// Picks one owner per hostname and path, one tunnel and one zone per hostname, and tells
/// every losing claimant who won and why. One sort by (hostname, path, priority) puts every
/// contested key and every hostname in a contiguous run, so the rest is a linear pass; no
/// per-key maps (large hash maps land on the large-object heap and force full collections).
/// </summary>
internal static class ClaimResolver
{
    public static List<RouteClaim> Resolve(List<RouteClaim> claims, ClaimPriority priority)
    {
        claims.Sort((x, y) =>
        {
            var result = string.CompareOrdinal(x.Key.Hostname, y.Key.Hostname);
            if (result == 0)
            {
                result = string.CompareOrdinal(x.Key.Path, y.Key.Path);
            }

            return result != 0 ? result : priority.Compare(x, y);
        });

        var owners = new List<RouteClaim>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            var owner = claims[i];
            owners.Add(owner);
            while (i + 1 < claims.Count && claims[i + 1].Key == owner.Key)
            {
                ReportLoser(owner.Key, owner, claims[++i]);
            }
        }

        return AssignHostnames(owners, priority);
    }

    // Owners arrive sorted by hostname, so each hostname is one run.
    private static List<RouteClaim> AssignHostnames(List<RouteClaim> owners, ClaimPriority priority)
    {
        var result = new List<RouteClaim>(owners.Count);
        for (var start = 0; start < owners.Count;)
        {
            var end = start + 1;
            var leader = owners[start];
            while (end < owners.Count && string.Equals(owners[end].Key.Hostname, leader.Key.Hostname, StringComparison.Ordinal))
            {
                if (priority.Compare(owners[end], leader) < 0)
                {
                    leader = owners[end];
                }

                end++;
            }

            for (var i = start; i < end; i++)
            {
                if (Admit(owners[i], leader) is { } admitted)
                {
                    result.Add(admitted);
                }
            }

            start = end;
        }

        return result;
    }

    private static RouteClaim? Admit(RouteClaim claim, RouteClaim leader)
    {
        if (!string.Equals(claim.Draft.Tunnel, leader.Draft.Tunnel, StringComparison.Ordinal))
        {
            claim.Sink.Error(DiagnosticCodes.HostnameTunnelConflict, claim.Draft.Hostname.Key,
                $"'{claim.Key.Hostname}' is already published on tunnel '{leader.Draft.Tunnel}' by {leader.Source.Describe()}, and its DNS record can point at only one tunnel; this route on tunnel '{claim.Draft.Tunnel}' is not published. Serve all paths of a hostname from one Docker host, or use another hostname.");
            return null;
        }

        if (claim.ExplicitZone && leader.Zone != claim.Zone)
        {
            claim.Sink.Warning(DiagnosticCodes.ZoneDisagreement, claim.Draft.ZoneName?.Key,
                $"'{claim.Key.Hostname}' gets its DNS record in zone '{leader.Zone}' (chosen by {leader.Source.Describe()}); this route's zone '{claim.Zone}' is not used.");
        }

        return leader.Zone == claim.Zone ? claim : claim with { Zone = leader.Zone };
    }

    private static void ReportLoser(RouteKey key, RouteClaim owner, RouteClaim loser)
    {
        var route = key.Path.Length == 0 ? $"'{key.Hostname}'" : $"'{key.Hostname}' with path '{loser.Path?.Expression}'";
        var sameContainer = owner.Source.Kind == loser.Source.Kind && owner.Source.Id == loser.Source.Id;
        if (sameContainer && owner.SameEffect(loser))
        {
            loser.Sink.Warning(DiagnosticCodes.RouteDuplicate, loser.Draft.Hostname.Key,
                $"{route} is declared twice by this container ('{owner.Draft.Hostname.Key}' and '{loser.Draft.Hostname.Key}'); the second is ignored, remove it.");
            return;
        }

        var reason = owner.Source.Kind == RouteSourceKind.Manual && loser.Source.Kind != RouteSourceKind.Manual
            ? "manual rules take precedence over labels"
            : "the earlier claim keeps a contested route";
        loser.Sink.Error(DiagnosticCodes.RouteConflict, loser.Draft.Hostname.Key,
            $"{route} is claimed by both {owner.Source.Describe()} and {loser.Source.Describe()}; {owner.Source.Describe()} owns it ({reason}), so this claim (service '{loser.Service.Value}') is not published. Give one of them another hostname or path.");
    }
}
