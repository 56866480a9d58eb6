using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// <c>/accounts/{a}/access/apps/{app}/policies</c>: lists every attached policy (scoped and reusable);
/// creates, replaces and deletes application-scoped ones (201 / 200 / 202).
/// </summary>
internal static class AppPolicyEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Policies = AccessAppEndpoints.App + "/policies";
        const string Policy = Policies + "/{policyId:cfuuid}";

        api.MapGet(Policies, (HttpContext context, string accountId, string appId) =>
        {
            List<JsonNode> items;
            lock (store.Gate)
            {
                var app = AccessErrors.FindObject(store.Apps, accountId, appId, "application");
                items = app.PolicyLinks.OrderBy(l => l.Precedence)
                    .Select(l => (JsonNode)AccessPolicyRules.Render(store, store.Policies[l.PolicyId], l.Precedence)).ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPost(Policies, async (HttpContext context, string accountId, string appId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var app = AccessErrors.FindObject(store.Apps, accountId, appId, "application");
                var precedence = JsonBody.Int(body, "precedence", 12000) ?? (app.PolicyLinks.Count == 0 ? 1 : app.PolicyLinks.Max(l => l.Precedence) + 1);
                if (app.PolicyLinks.Any(l => l.Precedence == precedence))
                {
                    throw AccessErrors.Invalid("policy precedences must be unique within an application");
                }

                var policy = new AccessObjectState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, AppId = app.Id,
                    Body = AccessPolicyRules.Validate(store, accountId, body), CreatedAt = store.Now, UpdatedAt = store.Now,
                };
                store.Policies[policy.Id] = policy;
                app.PolicyLinks.Add((policy.Id, precedence));
                return CfResults.Ok(AccessPolicyRules.Render(store, policy, precedence), 201);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapGet(Policy, (string accountId, string appId, string policyId) =>
        {
            lock (store.Gate)
            {
                var (policy, precedence) = Linked(store, accountId, appId, policyId);
                return CfResults.Ok(AccessPolicyRules.Render(store, policy, precedence));
            }
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPut(Policy, async (HttpContext context, string accountId, string appId, string policyId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var (policy, precedence) = Scoped(store, accountId, appId, policyId);
                var app = store.Apps[appId];
                var wanted = JsonBody.Int(body, "precedence", 12000) ?? precedence;
                if (app.PolicyLinks.Any(l => l.Precedence == wanted && !string.Equals(l.PolicyId, policy.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw AccessErrors.Invalid("policy precedences must be unique within an application");
                }

                policy.Body = AccessPolicyRules.Validate(store, accountId, body);
                policy.UpdatedAt = store.Now;
                app.PolicyLinks = app.PolicyLinks.Select(l => string.Equals(l.PolicyId, policy.Id, StringComparison.OrdinalIgnoreCase) ? (l.PolicyId, wanted) : l).ToList();
                return CfResults.Ok(AccessPolicyRules.Render(store, policy, wanted));
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapDelete(Policy, (string accountId, string appId, string policyId) =>
        {
            lock (store.Gate)
            {
                var (policy, _) = Scoped(store, accountId, appId, policyId);
                store.Policies.Remove(policy.Id);
                store.Apps[appId].PolicyLinks.RemoveAll(l => string.Equals(l.PolicyId, policy.Id, StringComparison.OrdinalIgnoreCase));
                return CfResults.Ok(new JsonObject { ["id"] = policy.Id }, 202);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);
    }

    private static (AccessObjectState Policy, int Precedence) Linked(EmulatorStore store, string accountId, string appId, string policyId)
    {
        var app = AccessErrors.FindObject(store.Apps, accountId, appId, "application");
        var link = app.PolicyLinks.FirstOrDefault(l => string.Equals(l.PolicyId, policyId, StringComparison.OrdinalIgnoreCase));
        return link.PolicyId is not null && store.Policies.TryGetValue(link.PolicyId, out var policy)
            ? (policy, link.Precedence)
            : throw AccessErrors.NotFound("policy");
    }

    private static (AccessObjectState Policy, int Precedence) Scoped(EmulatorStore store, string accountId, string appId, string policyId)
    {
        var (policy, precedence) = Linked(store, accountId, appId, policyId);
        return policy.AppId is null
            ? throw AccessErrors.Invalid("reusable policies are changed through /access/policies")
            : (policy, precedence);
    }
}
