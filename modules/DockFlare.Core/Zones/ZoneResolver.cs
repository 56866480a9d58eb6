using DockFlare.Core.Diagnostics;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Zones;

/// <summary>
/// Finds the zone of a hostname, the same way for every source:
/// an explicit zone (which must be a zone of the account that contains the hostname) →
/// the longest account zone the hostname ends in (<c>a.b.example.co.uk</c> → <c>example.co.uk</c>,
/// never <c>co.uk</c>) → the default zone, only when the hostname is inside it → otherwise none.
/// </summary>
internal sealed class ZoneResolver
{
    private readonly HashSet<string>? _zones;
    private readonly string? _defaultZone;

    public ZoneResolver(IReadOnlyList<string>? zones, string? defaultZone, List<Diagnostic> diagnostics)
    {
        if (zones is not null)
        {
            _zones = new HashSet<string>(StringComparer.Ordinal);
            foreach (var zone in zones)
            {
                if (Normalize(zone) is not { } name)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ZoneInvalid, null, null,
                        $"The zone '{zone}' is not a valid zone name and is ignored."));
                }
                else if (PublicSuffixes.Contains(name))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ZoneIsPublicSuffix, null, null,
                        $"The zone '{name}' is a public suffix, which no account can own; it is never used for hostnames."));
                }
                else
                {
                    _zones.Add(name);
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(defaultZone))
        {
            var name = Normalize(defaultZone);
            if (name is null || PublicSuffixes.Contains(name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.ZoneIsPublicSuffix, null, null,
                    $"The default zone '{defaultZone}' is not a zone name an account can own; it is never used."));
            }
            else
            {
                _defaultZone = name;
            }
        }

        if (_zones is null && _defaultZone is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.ZonesUnknown, null, null,
                "The account's zones were not given, so the zone of each hostname was not checked (the linter takes --zones and --default-zone)."));
        }
    }

    /// <summary>Whether zones are checked at all.</summary>
    public bool Checks => _zones is not null || _defaultZone is not null;

    /// <summary>Resolves the zone; false with an error when the hostname cannot be published.</summary>
    public bool TryResolve(string hostname, string? explicitZone, string zoneKey, out string? zone, out ValidationError error)
    {
        zone = null;
        error = default;
        var name = hostname.StartsWith("*.", StringComparison.Ordinal) ? hostname[2..] : hostname;
        if (!string.IsNullOrWhiteSpace(explicitZone))
        {
            var wanted = Normalize(explicitZone);
            var known = wanted is not null && (_zones?.Contains(wanted) ?? (!Checks || wanted == _defaultZone));
            if (wanted is null || !known || PublicSuffixes.Contains(wanted))
            {
                error = new(DiagnosticCodes.ZoneInvalid,
                    $"'{zoneKey}={explicitZone}' is not a zone of this account{Listing()}; remove the label to pick the zone from the hostname, or fix its spelling.");
                return false;
            }

            if (!IsInside(name, wanted))
            {
                error = new(DiagnosticCodes.ZoneInvalid,
                    $"The hostname '{hostname}' is not inside the zone '{wanted}' given by '{zoneKey}'; a DNS record for it cannot be created there.");
                return false;
            }

            zone = wanted;
            return true;
        }

        if (!Checks)
        {
            return true;
        }

        if (_zones is not null)
        {
            // Walk the suffixes from the longest: the first hit is the longest matching zone.
            var lookup = _zones.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var at = 0; at >= 0; at = name.IndexOf('.', at) is var dot and >= 0 ? dot + 1 : -1)
            {
                if (lookup.TryGetValue(name.AsSpan(at), out var match))
                {
                    zone = match;
                    return true;
                }
            }
        }

        if (_defaultZone is not null && IsInside(name, _defaultZone))
        {
            zone = _defaultZone;
            return true;
        }

        error = new(DiagnosticCodes.ZoneNotFound,
            $"No zone of this account contains '{hostname}'{Listing()}, so no DNS record can be made for it; use a hostname in one of the account's zones, or add its zone to the Cloudflare account.");
        return false;
    }

    internal static string? Normalize(string zone)
    {
        var text = zone.Trim().TrimEnd('.');
        return HostnameNormalizer.TryNormalize(text, "zone", "path", "service", out var name, out _) && !name.StartsWith('*')
            ? name
            : null;
    }

    private static bool IsInside(string name, string zone) =>
        name == zone || (name.Length > zone.Length && name.EndsWith(zone, StringComparison.Ordinal) && name[name.Length - zone.Length - 1] == '.');

    private string Listing()
    {
        var all = (_zones ?? []).Append(_defaultZone).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? " (the account has no zones)" : $" (zones: {string.Join(", ", all.Take(10))}{(all.Count > 10 ? ", ..." : "")})";
    }
}
