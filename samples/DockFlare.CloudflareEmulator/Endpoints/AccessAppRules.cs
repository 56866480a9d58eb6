using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// Access application validation (SPEC §7.3): domain required and inside a zone of the account (12130),
/// Go-duration sessions, existing IdPs, auto-redirect with exactly one IdP, existing policy references,
/// unique precedences and one application per domain (409).
/// </summary>
internal static class AccessAppRules
{
    private static readonly string[] Types =
    [
        "self_hosted", "saas", "ssh", "vnc", "app_launcher", "warp", "biso", "bookmark", "dash_sso",
        "infrastructure", "rdp", "mcp", "mcp_portal", "proxy_endpoint",
    ];

    private static readonly string[] ServerFields = ["id", "uid", "aud", "created_at", "updated_at", "policies"];

    /// <summary>Validates an application body; returns the stored body and the policy attachments to resolve.</summary>
    public static (JsonObject Stored, List<JsonNode?> Policies) Validate(EmulatorStore store, string accountId, JsonObject body, string? selfId)
    {
        var type = JsonBody.String(body, "type", 12000);
        if (type is null || !Types.Contains(type))
        {
            throw AccessErrors.Invalid("type is required and must be a known application type");
        }

        var domain = JsonBody.String(body, "domain", 12000);
        if (type == "self_hosted" && string.IsNullOrWhiteSpace(domain))
        {
            throw AccessErrors.Invalid("domain is required for self_hosted applications");
        }

        var domains = new List<string>();
        if (domain is not null)
        {
            domains.Add(domain);
        }

        domains.AddRange(JsonBody.Strings(body, "self_hosted_domains", 12000) ?? []);
        if (body["destinations"] is JsonArray destinations)
        {
            foreach (var destination in destinations)
            {
                if (destination is not JsonObject d || JsonBody.String(d, "type", 12000) is not ("public" or "private"))
                {
                    throw AccessErrors.Invalid("destinations must be objects of type public or private");
                }

                if (JsonBody.String(d, "type") == "public")
                {
                    domains.Add(JsonBody.String(d, "uri", 12000) ?? throw AccessErrors.Invalid("a public destination needs a uri"));
                }
            }
        }

        foreach (var candidate in domains)
        {
            if (!InZone(store, accountId, candidate))
            {
                throw EmulatorError.BadRequest(12130, "access.api.error.invalid_request: domain does not belong to zone");
            }
        }

        if (body["session_duration"] is not null && !GoDuration.TryParse(JsonBody.String(body, "session_duration", 12000), out _))
        {
            throw AccessErrors.Invalid("session_duration must be a duration such as 24h or 30m");
        }

        var idps = JsonBody.Strings(body, "allowed_idps", 12000) ?? [];
        if (idps.Any(id => !store.IdentityProviders.TryGetValue(id, out var idp) || idp.AccountId != accountId))
        {
            throw AccessErrors.Invalid("allowed_idps references an unknown identity provider");
        }

        if (JsonBody.Bool(body, "auto_redirect_to_identity", 12000) == true && idps.Count != 1)
        {
            throw AccessErrors.Invalid("auto_redirect_to_identity requires exactly one allowed identity provider");
        }

        _ = JsonBody.Bool(body, "app_launcher_visible", 12000);
        if (body["cors_headers"] is JsonObject && JsonBody.Bool(body, "options_preflight_bypass", 12000) == true)
        {
            throw AccessErrors.Invalid("cors_headers and options_preflight_bypass cannot be used together");
        }

        var clash = domain is not null && store.Apps.Values.Any(a => a.AccountId == accountId && a.Id != selfId
            && string.Equals(a.Body["domain"]?.GetValue<string>(), domain, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            throw EmulatorError.Conflict(11010, "access.api.error.application_already_exists: an application already protects this domain");
        }

        var policies = body["policies"] switch
        {
            null => [],
            JsonArray array => array.ToList(),
            _ => throw AccessErrors.Invalid("policies must be an array"),
        };
        var stored = (JsonObject)body.DeepClone();
        foreach (var field in ServerFields)
        {
            stored.Remove(field);
        }

        return (stored, policies);
    }

    /// <summary>Resolves attachments into links: references must exist, inline policies become app-scoped ones.</summary>
    public static List<(string PolicyId, int Precedence)> ResolvePolicies(
        EmulatorStore store, string accountId, string appId, List<JsonNode?> attachments, List<AccessObjectState> created)
    {
        var links = new List<(string, int)>();
        for (var i = 0; i < attachments.Count; i++)
        {
            var item = attachments[i];
            string? reference = item is JsonValue v && v.TryGetValue<string>(out var s) ? s
                : item is JsonObject o && o["id"] is not null ? JsonBody.String(o, "id", 12000) : null;
            var precedence = item is JsonObject withPrecedence ? JsonBody.Int(withPrecedence, "precedence", 12000) ?? i + 1 : i + 1;
            if (reference is not null)
            {
                var policy = store.Policies.TryGetValue(reference, out var p) && p.AccountId == accountId && (p.AppId is null || p.AppId == appId)
                    ? p
                    : throw AccessErrors.Invalid($"policy {reference} does not exist");
                links.Add((policy.Id, precedence));
            }
            else if (item is JsonObject inline)
            {
                var policy = new AccessObjectState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, AppId = appId,
                    Body = AccessPolicyRules.Validate(store, accountId, inline), CreatedAt = store.Now, UpdatedAt = store.Now,
                };
                created.Add(policy);
                links.Add((policy.Id, precedence));
            }
            else
            {
                throw AccessErrors.Invalid("a policy must be an id, a link {id, precedence} or an inline policy");
            }
        }

        if (links.Select(l => l.Item2).Distinct().Count() != links.Count)
        {
            throw AccessErrors.Invalid("policy precedences must be unique within an application");
        }

        return links;
    }

    public static JsonObject Render(EmulatorStore store, AccessObjectState app)
    {
        var json = (JsonObject)app.Body.DeepClone();
        var domain = json["domain"]?.GetValue<string>();
        json["id"] = app.Id;
        json["aud"] = app.Aud;
        json["session_duration"] ??= "24h";
        json["app_launcher_visible"] ??= true;
        json["auto_redirect_to_identity"] ??= false;
        json["allowed_idps"] ??= new JsonArray();
        json["tags"] ??= new JsonArray();
        if (domain is not null)
        {
            json["self_hosted_domains"] ??= new JsonArray(domain);
            json["destinations"] ??= new JsonArray(new JsonObject { ["type"] = "public", ["uri"] = domain });
        }

        json["policies"] = new JsonArray(app.PolicyLinks.OrderBy(l => l.Precedence)
            .Where(l => store.Policies.ContainsKey(l.PolicyId))
            .Select(l => (JsonNode)AccessPolicyRules.Render(store, store.Policies[l.PolicyId], l.Precedence)).ToArray());
        json["created_at"] = Timestamps.Format(app.CreatedAt);
        json["updated_at"] = Timestamps.Format(app.UpdatedAt);
        return json;
    }

    private static bool InZone(EmulatorStore store, string accountId, string domain)
    {
        var host = domain.Trim();
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        host = (slash >= 0 ? host[..slash] : host).TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            host = host[2..];
        }

        return store.ZonesOf(accountId).Any(z => host == z.Name || host.EndsWith("." + z.Name, StringComparison.Ordinal));
    }
}
