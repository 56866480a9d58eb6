using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>The whole state as JSON, in the API's shapes; tunnel and client secrets are left out.</summary>
internal static class StateDump
{
    public static JsonObject Render(EmulatorStore store) => new()
    {
        ["accounts"] = Array(store.Accounts.Values.Select(a => new JsonObject
        {
            ["id"] = a.Id,
            ["name"] = a.Name,
            ["access_enabled"] = a.AccessEnabled,
            ["zones"] = Array(store.ZonesOf(a.Id).Select(z => new JsonObject
            {
                ["id"] = z.Id,
                ["name"] = z.Name,
                ["status"] = z.Status,
                ["dns_records"] = Array(store.DnsRecords.Values.Where(r => r.ZoneId == z.Id).OrderBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => DnsRules.Render(r, z))),
            })),
            ["tunnels"] = Array(store.Tunnels.Values.Where(t => t.AccountId == a.Id).Select(t =>
            {
                var json = TunnelRender.Tunnel(t);
                json["config_version"] = t.ConfigVersion;
                json["config"] = t.Config?.DeepClone();
                json["connectors"] = Array(t.Connectors.Select(TunnelRender.Connector));
                return json;
            })),
            ["access"] = new JsonObject
            {
                ["apps"] = Array(store.Apps.Values.Where(x => x.AccountId == a.Id).Select(x => AccessAppRules.Render(store, x))),
                ["policies"] = Array(store.Policies.Values.Where(x => x.AccountId == a.Id).Select(x =>
                {
                    var json = AccessPolicyRules.Render(store, x);
                    json["app_id"] = x.AppId;
                    return json;
                })),
                ["groups"] = Array(store.Groups.Values.Where(x => x.AccountId == a.Id).Select(x => Clone(x))),
                ["identity_providers"] = Array(store.IdentityProviders.Values.Where(x => x.AccountId == a.Id).Select(IdentityProviderEndpoints.Render)),
                ["service_tokens"] = Array(store.ServiceTokens.Values.Where(x => x.AccountId == a.Id).Select(x => new JsonObject
                {
                    ["id"] = x.Id, ["name"] = x.Name, ["client_id"] = x.ClientId, ["duration"] = x.Duration,
                    ["expires_at"] = Timestamps.Format(x.ExpiresAt),
                })),
            },
        })),
    };

    private static JsonObject Clone(AccessObjectState item)
    {
        var json = (JsonObject)item.Body.DeepClone();
        json["id"] = item.Id;
        return json;
    }

    private static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i).ToArray());
}
