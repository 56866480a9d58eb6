namespace DockFlare.Core.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Codes are never renamed or reused; docs/labels.md lists them
/// with examples. Tools (the UI, the linter's JSON output, tests) may match on them.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A label under a known prefix that the engine does not know (with a "did you mean" when close).</summary>
    public const string UnknownLabel = "label-unknown";

    /// <summary>A label that is known but has no effect (documented only, or read by a migration tool).</summary>
    public const string IgnoredLabel = "label-ignored";

    /// <summary>A boolean label whose value is not one of the accepted words; it was read as false.</summary>
    public const string InvalidBoolean = "label-boolean-invalid";

    /// <summary>The same label is set under two prefixes with different values; the first prefix wins.</summary>
    public const string PrefixShadowed = "label-prefix-shadowed";

    /// <summary>The container has route labels but is not opted in with <c>enable=true</c>.</summary>
    public const string NotEnabled = "container-not-enabled";

    /// <summary>The container is enabled but no route could be built from its labels.</summary>
    public const string NoRoutes = "container-no-routes";

    /// <summary>Indexed label sets skip an index (for example 0, 1, 3); the later ones are still used.</summary>
    public const string IndexGap = "index-gap";

    /// <summary>An indexed label set has no <c>N.hostname</c>.</summary>
    public const string IndexWithoutHostname = "index-hostname-missing";

    /// <summary>A base label that only matters together with the base hostname is set without it.</summary>
    public const string BaseLabelUnused = "base-label-unused";

    /// <summary>A route has a hostname but no service.</summary>
    public const string ServiceMissing = "service-missing";

    /// <summary>The service is not one of the accepted forms.</summary>
    public const string ServiceInvalid = "service-invalid";

    /// <summary>The service URL has a path, which cloudflared cannot proxy to.</summary>
    public const string ServiceHasPath = "service-has-path";

    /// <summary>The hostname is not a valid public DNS name.</summary>
    public const string HostnameInvalid = "hostname-invalid";

    /// <summary>The hostname label contains a URL path; it belongs in the <c>path</c> label.</summary>
    public const string HostnameHasPath = "hostname-has-path";

    /// <summary>The hostname label contains a port; it belongs in the <c>service</c> label.</summary>
    public const string HostnameHasPort = "hostname-has-port";

    /// <summary>The hostname label contains a URL scheme.</summary>
    public const string HostnameHasScheme = "hostname-has-scheme";

    /// <summary>The path is not valid (whitespace, or a regular expression that does not compile under RE2 rules).</summary>
    public const string PathInvalid = "path-invalid";

    /// <summary>A regular-expression path is not anchored with <c>^</c> and matches anywhere in the URL path.</summary>
    public const string PathUnanchored = "path-unanchored";

    /// <summary>A glob-style path (<c>/x/*</c>) was read as "everything below /x/".</summary>
    public const string PathGlob = "path-glob";

    /// <summary>Origin options were given for a service that is not http(s); they are not sent.</summary>
    public const string OriginOptionsIgnored = "origin-options-ignored";

    /// <summary>The explicit zone is not one of the account's zones, or the hostname is not inside it.</summary>
    public const string ZoneInvalid = "zone-invalid";

    /// <summary>No zone of the account contains the hostname, and the default zone does not either.</summary>
    public const string ZoneNotFound = "zone-not-found";

    /// <summary>A configured zone name is a public suffix (like <c>co.uk</c>) and is never used.</summary>
    public const string ZoneIsPublicSuffix = "zone-public-suffix";

    /// <summary>Zones of the account were not given, so zones were not checked.</summary>
    public const string ZonesUnknown = "zones-unknown";

    /// <summary>Two routes of one hostname ask for different explicit zones; the owner's zone is used.</summary>
    public const string ZoneDisagreement = "zone-disagreement";

    /// <summary>The Access labels cannot be turned into a safe Access application; the route is not published.</summary>
    public const string AccessInvalid = "access-invalid";

    /// <summary>Access labels that have no effect because an Access group is set.</summary>
    public const string AccessIgnored = "access-ignored";

    /// <summary>The same hostname and path is claimed by two sources; only the owner's route is published.</summary>
    public const string RouteConflict = "route-conflict";

    /// <summary>The same container declares one hostname and path twice with the same meaning.</summary>
    public const string RouteDuplicate = "route-duplicate";

    /// <summary>A hostname is claimed on two tunnels; its DNS record can point at only one.</summary>
    public const string HostnameTunnelConflict = "hostname-tunnel-conflict";

    /// <summary>A manual rule is incomplete or invalid.</summary>
    public const string ManualRuleInvalid = "manual-rule-invalid";
}
