using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Access groups, <c>/accounts/{a}/access/groups</c>: 201 on create, 202 on delete.</summary>
internal static class AccessGroupEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Groups = "/accounts/{accountId:cfhex}/access/groups";
        const string Group = Groups + "/{groupId:cfuuid}";

        api.MapGet(Groups, (HttpContext context, string accountId) =>
        {
            var name = context.Request.QueryText("name");
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Groups.Values.Where(g => g.AccountId == accountId)
                    .Where(g => name is null || string.Equals(g.Body["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id, StringComparer.Ordinal)
                    .Select(g => (JsonNode)Render(g)).ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessOrganizationRead);

        api.MapPost(Groups, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var group = new AccessObjectState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, Body = Validate(store, accountId, body), CreatedAt = store.Now, UpdatedAt = store.Now,
                };
                store.Groups[group.Id] = group;
                return CfResults.Ok(Render(group), 201);
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);

        api.MapGet(Group, (string accountId, string groupId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(Render(AccessErrors.FindObject(store.Groups, accountId, groupId, "group")));
            }
        }).Requires(EmulatorPermissions.AccessOrganizationRead);

        api.MapPut(Group, async (HttpContext context, string accountId, string groupId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var group = AccessErrors.FindObject(store.Groups, accountId, groupId, "group");
                group.Body = Validate(store, accountId, body);
                group.UpdatedAt = store.Now;
                return CfResults.Ok(Render(group));
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);

        api.MapDelete(Group, (string accountId, string groupId) =>
        {
            lock (store.Gate)
            {
                var group = AccessErrors.FindObject(store.Groups, accountId, groupId, "group");
                store.Groups.Remove(group.Id);
                return CfResults.Ok(new JsonObject { ["id"] = group.Id }, 202);
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);
    }

    private static JsonObject Validate(EmulatorStore store, string accountId, JsonObject body)
    {
        if (JsonBody.String(body, "name", 12000) is not { Length: > 0 })
        {
            throw AccessErrors.Invalid("name is required");
        }

        AccessRuleValidator.CheckRules(store, accountId, body, "include", required: true);
        AccessRuleValidator.CheckRules(store, accountId, body, "exclude", required: false);
        AccessRuleValidator.CheckRules(store, accountId, body, "require", required: false);
        _ = JsonBody.Bool(body, "is_default", 12000);
        var stored = (JsonObject)body.DeepClone();
        stored.Remove("id");
        return stored;
    }

    private static JsonObject Render(AccessObjectState group)
    {
        var json = (JsonObject)group.Body.DeepClone();
        json["id"] = group.Id;
        json["exclude"] ??= new JsonArray();
        json["require"] ??= new JsonArray();
        json["is_default"] ??= false;
        json["created_at"] = Timestamps.Format(group.CreatedAt);
        json["updated_at"] = Timestamps.Format(group.UpdatedAt);
        return json;
    }
}
