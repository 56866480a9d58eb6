using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary><c>/accounts/{a}/access/apps</c>: 201 on create, 202 <c>{id}</c> on delete; filters name, domain, aud, search, exact.</summary>
internal static class AccessAppEndpoints
{
    public const string Apps = "/accounts/{accountId:cfhex}/access/apps";
    public const string App = Apps + "/{appId:cfuuid}";

    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        api.MapGet(Apps, (HttpContext context, string accountId) =>
        {
            var q = context.Request;
            var exact = q.QueryFlag("exact");
            bool Like(string? value, string? filter) => filter is null
                || (exact ? string.Equals(value, filter, StringComparison.OrdinalIgnoreCase) : (value ?? "").Contains(filter, StringComparison.OrdinalIgnoreCase));
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Apps.Values.Where(a => a.AccountId == accountId)
                    .Where(a => Like(a.Body["name"]?.GetValue<string>(), q.QueryText("name")))
                    .Where(a => Like(a.Body["domain"]?.GetValue<string>(), q.QueryText("domain")))
                    .Where(a => q.QueryText("aud") is not { } aud || a.Aud == aud)
                    .Where(a => q.QueryText("search") is not { } s
                        || (a.Body["name"]?.GetValue<string>() ?? "").Contains(s, StringComparison.OrdinalIgnoreCase)
                        || (a.Body["domain"]?.GetValue<string>() ?? "").Contains(s, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
                    .Select(a => (JsonNode)AccessAppRules.Render(store, a))
                    .ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPost(Apps, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var (stored, policies) = AccessAppRules.Validate(store, accountId, body, selfId: null);
                var app = new AccessObjectState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, Aud = Ids.NewHex64(), Body = stored, CreatedAt = store.Now, UpdatedAt = store.Now,
                };
                var created = new List<AccessObjectState>();
                app.PolicyLinks = AccessAppRules.ResolvePolicies(store, accountId, app.Id, policies, created);
                created.ForEach(p => store.Policies[p.Id] = p);
                store.Apps[app.Id] = app;
                return CfResults.Ok(AccessAppRules.Render(store, app), 201);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapGet(App, (string accountId, string appId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(AccessAppRules.Render(store, AccessErrors.FindObject(store.Apps, accountId, appId, "application")));
            }
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPut(App, async (HttpContext context, string accountId, string appId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var app = AccessErrors.FindObject(store.Apps, accountId, appId, "application");
                var (stored, policies) = AccessAppRules.Validate(store, accountId, body, app.Id);
                var created = new List<AccessObjectState>();
                var links = AccessAppRules.ResolvePolicies(store, accountId, app.Id, policies, created);
                var kept = links.Select(l => l.PolicyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var orphan in store.Policies.Values.Where(p => p.AppId == app.Id && !kept.Contains(p.Id)).ToList())
                {
                    store.Policies.Remove(orphan.Id);
                }

                created.ForEach(p => store.Policies[p.Id] = p);
                app.Body = stored;
                app.PolicyLinks = links;
                app.UpdatedAt = store.Now;
                return CfResults.Ok(AccessAppRules.Render(store, app));
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapDelete(App, (string accountId, string appId) =>
        {
            lock (store.Gate)
            {
                var app = AccessErrors.FindObject(store.Apps, accountId, appId, "application");
                store.Apps.Remove(app.Id);
                foreach (var scoped in store.Policies.Values.Where(p => p.AppId == app.Id).ToList())
                {
                    store.Policies.Remove(scoped.Id);
                }

                return CfResults.Ok(new JsonObject { ["id"] = app.Id }, 202);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        AppPolicyEndpoints.Map(api, store);
    }
}
