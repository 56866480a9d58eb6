using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary><c>GET /zones</c> (filters <c>name</c> with operators, <c>status</c>, <c>account.id</c>, <c>account.name</c>) and <c>GET /zones/{id}</c>.</summary>
internal static class ZoneEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        api.MapGet("/zones", (HttpContext context) =>
        {
            var token = context.Token();
            var query = context.Request;
            var name = query.QueryText("name");
            var status = query.QueryText("status");
            var accountId = query.QueryText("account.id");
            var accountName = query.QueryText("account.name");
            var any = string.Equals(query.QueryText("match"), "any", StringComparison.OrdinalIgnoreCase);
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Zones.Values
                    .Where(z => token.AccountIds.Contains(z.AccountId))
                    .Where(z =>
                    {
                        var checks = new List<bool>();
                        if (name is not null) { checks.Add(NameFilter.Matches(z.Name, name)); }
                        if (status is not null) { checks.Add(string.Equals(z.Status, status, StringComparison.OrdinalIgnoreCase)); }
                        if (accountId is not null) { checks.Add(z.AccountId == accountId); }
                        if (accountName is not null) { checks.Add(NameFilter.Matches(store.Accounts[z.AccountId].Name, accountName)); }
                        return checks.Count == 0 || (any ? checks.Any(c => c) : checks.All(c => c));
                    })
                    .OrderBy(z => z.Name, StringComparer.Ordinal)
                    .Select(z => (JsonNode)Render(z, store.Accounts[z.AccountId]))
                    .ToList();
            }

            if (string.Equals(query.QueryText("direction"), "desc", StringComparison.OrdinalIgnoreCase))
            {
                items.Reverse();
            }

            return Paging.Page(context.Request, items, 20, 5, 50);
        }).Requires(EmulatorPermissions.ZoneRead);

        api.MapGet("/zones/{zoneId:cfhex}", (string zoneId) =>
        {
            lock (store.Gate)
            {
                var zone = store.Zones[zoneId];
                return CfResults.Ok(Render(zone, store.Accounts[zone.AccountId]));
            }
        }).Requires(EmulatorPermissions.ZoneRead);
    }

    private static JsonObject Render(ZoneState zone, AccountState account) => new()
    {
        ["id"] = zone.Id,
        ["name"] = zone.Name,
        ["status"] = zone.Status,
        ["paused"] = false,
        ["type"] = "full",
        ["development_mode"] = 0,
        ["name_servers"] = new JsonArray("ada.ns.cloudflare.com", "bob.ns.cloudflare.com"),
        ["original_name_servers"] = null,
        ["original_registrar"] = null,
        ["original_dnshost"] = null,
        ["created_on"] = Timestamps.Format(zone.CreatedOn),
        ["modified_on"] = Timestamps.Format(zone.CreatedOn),
        ["activated_on"] = zone.Status == "active" ? Timestamps.Format(zone.CreatedOn) : null,
        ["account"] = new JsonObject { ["id"] = account.Id, ["name"] = account.Name },
        ["owner"] = new JsonObject { ["id"] = Ids.StableHex("owner:" + account.Id), ["name"] = account.MemberEmails.FirstOrDefault() ?? account.Name, ["type"] = "user" },
        ["meta"] = new JsonObject
        {
            ["cdn_only"] = false,
            ["custom_certificate_quota"] = 0,
            ["dns_only"] = false,
            ["foundation_dns"] = false,
            ["page_rule_quota"] = 3,
            ["phishing_detected"] = false,
            ["step"] = 2,
        },
        ["plan"] = new JsonObject { ["id"] = "0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee", ["name"] = "Free Website", ["price"] = 0, ["currency"] = "USD", ["is_subscribed"] = true },
        ["permissions"] = new JsonArray("#dns_records:edit", "#dns_records:read", "#zone:read"),
    };
}
