using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Reusable policies, <c>/accounts/{a}/access/policies</c>: 201 on create, 202 on delete, refused while in use.</summary>
internal static class AccessPolicyEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Policies = "/accounts/{accountId:cfhex}/access/policies";
        const string Policy = Policies + "/{policyId:cfuuid}";

        api.MapGet(Policies, (HttpContext context, string accountId) =>
        {
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.Policies.Values.Where(p => p.AccountId == accountId && p.AppId is null)
                    .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)
                    .Select(p => (JsonNode)AccessPolicyRules.Render(store, p)).ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPost(Policies, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var policy = new AccessObjectState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, Body = AccessPolicyRules.Validate(store, accountId, body),
                    CreatedAt = store.Now, UpdatedAt = store.Now,
                };
                store.Policies[policy.Id] = policy;
                return CfResults.Ok(AccessPolicyRules.Render(store, policy), 201);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapGet(Policy, (string accountId, string policyId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(AccessPolicyRules.Render(store, Find(store, accountId, policyId)));
            }
        }).Requires(EmulatorPermissions.AccessAppsRead);

        api.MapPut(Policy, async (HttpContext context, string accountId, string policyId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var policy = Find(store, accountId, policyId);
                policy.Body = AccessPolicyRules.Validate(store, accountId, body);
                policy.UpdatedAt = store.Now;
                return CfResults.Ok(AccessPolicyRules.Render(store, policy));
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);

        api.MapDelete(Policy, (string accountId, string policyId) =>
        {
            lock (store.Gate)
            {
                var policy = Find(store, accountId, policyId);
                if (store.Apps.Values.Any(a => a.PolicyLinks.Any(l => string.Equals(l.PolicyId, policy.Id, StringComparison.OrdinalIgnoreCase))))
                {
                    throw EmulatorError.BadRequest(12000, "access.api.error.policy_in_use: the policy is still used by applications");
                }

                store.Policies.Remove(policy.Id);
                return CfResults.Ok(new JsonObject { ["id"] = policy.Id }, 202);
            }
        }).Requires(EmulatorPermissions.AccessAppsWrite);
    }

    private static AccessObjectState Find(EmulatorStore store, string accountId, string policyId) =>
        store.Policies.TryGetValue(policyId, out var policy) && policy.AccountId == accountId && policy.AppId is null
            ? policy
            : throw AccessErrors.NotFound("policy");
}
