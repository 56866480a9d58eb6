namespace DockFlare.Core.Planning;

/// <summary>Stable codes of the planner's diagnostics; never renamed or reused.</summary>
public static class PlanDiagnosticCodes
{
    /// <summary>A route targets a tunnel that was not observed (no id known); it is not published.</summary>
    public const string TunnelUnknown = "plan-tunnel-unknown";

    /// <summary>A rule DockFlare does not own already serves the route's hostname and path differently; it is kept and the route is not published.</summary>
    public const string IngressConflict = "plan-ingress-conflict";

    /// <summary>A rule DockFlare does not own is identical to the route; it serves the route and is left alone (not adopted).</summary>
    public const string IngressForeignMatch = "plan-ingress-foreign-match";

    /// <summary>A rule DockFlare does not own stood after the live catch-all; it is kept, before the single catch-all.</summary>
    public const string IngressAfterCatchAll = "plan-ingress-after-catch-all";

    /// <summary>A DNS record DockFlare does not own holds the hostname; it is not overwritten and the hostname gets no CNAME.</summary>
    public const string DnsConflict = "plan-dns-conflict";

    /// <summary>A DNS record DockFlare does not own already is the wanted CNAME; nothing is written and it is not adopted.</summary>
    public const string DnsForeignMatch = "plan-dns-foreign-match";

    /// <summary>A hostname has no zone (zones unknown), so no DNS record is planned.</summary>
    public const string DnsZoneUnknown = "plan-dns-zone-unknown";

    /// <summary>An Access application DockFlare does not own protects the route's domain; the route is not published (fail closed).</summary>
    public const string AccessConflict = "plan-access-conflict";

    /// <summary>The route needs an Access group that does not exist; the route is not published (fail closed).</summary>
    public const string AccessUnresolved = "plan-access-unresolved";

    /// <summary>Routes of one Access domain ask for different applications; none of them is published (fail closed).</summary>
    public const string AccessAmbiguous = "plan-access-ambiguous";

    /// <summary>Objects of a route that cannot be published now are kept as they are: nothing is created, changed or deleted for it.</summary>
    public const string Held = "plan-held";

    /// <summary>The Access application of a route could not be created or updated in this run; the route is not published (fail closed).</summary>
    public const string AccessFailed = "plan-access-failed";
}
