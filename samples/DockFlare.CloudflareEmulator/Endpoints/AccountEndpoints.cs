using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary><c>GET /accounts</c> (the token's accounts only) and <c>GET /accounts/{id}/members</c>.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        api.MapGet("/accounts", (HttpContext context) =>
        {
            var token = context.Token();
            var name = context.Request.QueryText("name");
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Accounts.Values
                    .Where(a => token.AccountIds.Contains(a.Id))
                    .Where(a => name is null || a.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => (JsonNode)Render(a))
                    .ToList();
            }

            if (string.Equals(context.Request.QueryText("direction"), "desc", StringComparison.OrdinalIgnoreCase))
            {
                items.Reverse();
            }

            return Paging.Page(context.Request, items, 20, 5, 50);
        });

        api.MapGet("/accounts/{accountId:cfhex}/members", (HttpContext context, string accountId) =>
        {
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Accounts[accountId].MemberEmails.Select((email, index) => (JsonNode)new JsonObject
                {
                    ["id"] = Ids.StableHex(accountId + email),
                    ["status"] = "accepted",
                    ["user"] = new JsonObject { ["id"] = Ids.StableHex(email), ["email"] = email, ["two_factor_authentication_enabled"] = false },
                    ["roles"] = new JsonArray(new JsonObject
                    {
                        ["id"] = Ids.StableHex(index == 0 ? "administrator" : "member"),
                        ["name"] = index == 0 ? "Administrator" : "Administrator Read Only",
                        ["description"] = "Emulated role",
                        ["permissions"] = new JsonArray(),
                    }),
                }).ToList();
            }

            return Paging.Page(context.Request, items, 20, 5, 50);
        }).Requires(EmulatorPermissions.AccountSettingsRead);
    }

    private static JsonObject Render(AccountState account) => new()
    {
        ["id"] = account.Id,
        ["name"] = account.Name,
        ["type"] = "standard",
        ["created_on"] = Timestamps.Format(account.CreatedOn),
        ["settings"] = new JsonObject
        {
            ["enforce_twofactor"] = false,
            ["abuse_contact_email"] = null,
            ["default_nameservers"] = "cloudflare.standard",
            ["use_account_custom_ns_by_default"] = false,
        },
    };
}
