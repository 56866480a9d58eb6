using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>DNS record validation and the conflict rules of SPEC §4.3.</summary>
internal static class DnsRules
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "A", "AAAA", "CAA", "CERT", "CNAME", "DNSKEY", "DS", "HTTPS", "LOC", "MX", "NAPTR", "NS", "OPENPGPKEY",
        "PTR", "SMIMEA", "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "URI",
    };

    /// <summary><c>@</c> is the apex; a relative name gets the zone appended; compared lower-case without a trailing dot.</summary>
    public static string NormaliseName(string name, ZoneState zone)
    {
        var trimmed = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (trimmed is "@" or "")
        {
            return zone.Name;
        }

        return trimmed == zone.Name || trimmed.EndsWith("." + zone.Name, StringComparison.Ordinal) ? trimmed : $"{trimmed}.{zone.Name}";
    }

    /// <summary>Checks one complete record (after a create, replace or merge).</summary>
    public static void Validate(DnsRecordState record)
    {
        if (!Types.Contains(record.Type))
        {
            throw EmulatorError.BadRequest(9000, "DNS record type is invalid.");
        }

        if (string.IsNullOrWhiteSpace(record.Content))
        {
            throw EmulatorError.BadRequest(9005, "Content for record is invalid.");
        }

        var addressOk = record.Type switch
        {
            "A" => IPAddress.TryParse(record.Content, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork,
            "AAAA" => IPAddress.TryParse(record.Content, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
            _ => true,
        };
        if (!addressOk)
        {
            throw EmulatorError.BadRequest(9005, $"Content for {record.Type} record is invalid. Must be a valid IPv{(record.Type == "A" ? 4 : 6)} address.");
        }

        if (record.Type == "CNAME" && string.Equals(record.Content.TrimEnd('.'), record.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw EmulatorError.BadRequest(9039, "CNAME content cannot reference itself.");
        }

        if (record.Proxied && record.Type is not ("A" or "AAAA" or "CNAME"))
        {
            throw EmulatorError.BadRequest(9004, "This record type cannot be proxied.");
        }

        if (record.Ttl != 1 && record.Ttl is < 60 or > 86400)
        {
            throw EmulatorError.BadRequest(9021, "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.");
        }

        if (record.Proxied)
        {
            record.Ttl = 1;
        }
    }

    /// <summary>Identical record → 81057/81058; CNAME next to A/AAAA/CNAME (or A/AAAA next to a CNAME) → 81053.</summary>
    public static void CheckConflicts(EmulatorStore store, DnsRecordState record, int identicalCode)
    {
        foreach (var other in store.DnsRecords.Values)
        {
            if (other.Id == record.Id || other.ZoneId != record.ZoneId || !string.Equals(other.Name, record.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (other.Type == record.Type && string.Equals(other.Content, record.Content, StringComparison.OrdinalIgnoreCase))
            {
                throw identicalCode == 81058
                    ? EmulatorError.BadRequest(81058, "An identical record already exists.")
                    : EmulatorError.BadRequest(81057, "Record already exists.");
            }

            var clash = (record.Type == "CNAME" && other.Type is "A" or "AAAA" or "CNAME")
                        || (record.Type is "A" or "AAAA" && other.Type == "CNAME");
            if (clash)
            {
                throw EmulatorError.BadRequest(81053, "An A, AAAA, or CNAME record with that host already exists.");
            }
        }
    }

    public static void Apply(DnsRecordState record, JsonObject body, ZoneState zone, bool replace)
    {
        if (replace || body.ContainsKey("type"))
        {
            record.Type = JsonBody.RequiredString(body, "type", 9000).ToUpperInvariant();
        }

        if (replace || body.ContainsKey("name"))
        {
            record.Name = NormaliseName(JsonBody.RequiredString(body, "name", 9007), zone);
        }

        if (replace || body.ContainsKey("content"))
        {
            record.Content = JsonBody.RequiredString(body, "content", 9005);
        }

        if (replace || body.ContainsKey("proxied"))
        {
            record.Proxied = JsonBody.Bool(body, "proxied", 9003) ?? false;
        }

        if (replace || body.ContainsKey("ttl"))
        {
            record.Ttl = JsonBody.Int(body, "ttl", 9021) ?? 1;
        }

        if (replace || body.ContainsKey("comment"))
        {
            record.Comment = JsonBody.String(body, "comment", 9100);
        }

        if (replace || body.ContainsKey("tags"))
        {
            record.Tags = JsonBody.Strings(body, "tags", 9101) ?? [];
        }
    }

    public static JsonObject Render(DnsRecordState record, ZoneState zone) => new()
    {
        ["id"] = record.Id,
        ["zone_id"] = zone.Id,
        ["zone_name"] = zone.Name,
        ["name"] = record.Name,
        ["type"] = record.Type,
        ["content"] = record.Content,
        ["proxiable"] = record.Type is "A" or "AAAA" or "CNAME",
        ["proxied"] = record.Proxied,
        ["ttl"] = record.Ttl,
        ["settings"] = new JsonObject(),
        ["meta"] = new JsonObject { ["auto_added"] = false, ["managed_by_apps"] = false, ["managed_by_argo_tunnel"] = false },
        ["comment"] = record.Comment,
        ["tags"] = new JsonArray(record.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["created_on"] = Timestamps.Format(record.CreatedOn),
        ["modified_on"] = Timestamps.Format(record.ModifiedOn),
    };
}
