using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// Identity providers, <c>/accounts/{a}/access/identity_providers</c>: 201 on create, 202 on delete,
/// one <c>onetimepin</c> per account (409), write-only secrets redacted in answers.
/// </summary>
internal static class IdentityProviderEndpoints
{
    private static readonly string[] Types =
    [
        "onetimepin", "azureAD", "saml", "centrify", "facebook", "github", "google-apps", "google", "linkedin", "oidc", "okta",
        "onelogin", "pingone", "yandex", "cloudflare",
    ];

    private static readonly string[] SecretKeys = ["client_secret", "secret", "sign_request_key"];

    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Providers = "/accounts/{accountId:cfhex}/access/identity_providers";
        const string Provider = Providers + "/{idpId:cfuuid}";

        api.MapGet(Providers, (HttpContext context, string accountId) =>
        {
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.IdentityProviders.Values.Where(p => p.AccountId == accountId)
                    .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)
                    .Select(p => (JsonNode)Render(p)).ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessOrganizationRead);

        api.MapPost(Providers, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var stored = Validate(store, accountId, body, selfId: null);
                var provider = new AccessObjectState { Id = Ids.NewUuid(), AccountId = accountId, Body = stored, CreatedAt = store.Now, UpdatedAt = store.Now };
                store.IdentityProviders[provider.Id] = provider;
                return CfResults.Ok(Render(provider), 201);
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);

        api.MapGet(Provider, (string accountId, string idpId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(Render(AccessErrors.FindObject(store.IdentityProviders, accountId, idpId, "identity provider")));
            }
        }).Requires(EmulatorPermissions.AccessOrganizationRead);

        api.MapPut(Provider, async (HttpContext context, string accountId, string idpId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            lock (store.Gate)
            {
                var provider = AccessErrors.FindObject(store.IdentityProviders, accountId, idpId, "identity provider");
                provider.Body = Validate(store, accountId, body, provider.Id);
                provider.UpdatedAt = store.Now;
                return CfResults.Ok(Render(provider));
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);

        api.MapDelete(Provider, (string accountId, string idpId) =>
        {
            lock (store.Gate)
            {
                var provider = AccessErrors.FindObject(store.IdentityProviders, accountId, idpId, "identity provider");
                store.IdentityProviders.Remove(provider.Id);
                return CfResults.Ok(new JsonObject { ["id"] = provider.Id }, 202);
            }
        }).Requires(EmulatorPermissions.AccessOrganizationWrite);
    }

    private static JsonObject Validate(EmulatorStore store, string accountId, JsonObject body, string? selfId)
    {
        if (JsonBody.String(body, "name", 12000) is not { Length: > 0 })
        {
            throw AccessErrors.Invalid("name is required");
        }

        var type = JsonBody.String(body, "type", 12000);
        if (type is null || !Types.Contains(type))
        {
            throw AccessErrors.Invalid("type must be a known identity provider type");
        }

        if (body["config"] is not JsonObject)
        {
            throw AccessErrors.Invalid("config is required");
        }

        if (type == "onetimepin" && store.IdentityProviders.Values.Any(p => p.AccountId == accountId && p.Id != selfId
                && p.Body["type"]?.GetValue<string>() == "onetimepin"))
        {
            throw EmulatorError.Conflict(12100, "access.api.error.conflict: a one-time PIN login method already exists");
        }

        var stored = (JsonObject)body.DeepClone();
        stored.Remove("id");
        return stored;
    }

    public static JsonObject Render(AccessObjectState provider)
    {
        var json = (JsonObject)provider.Body.DeepClone();
        json["id"] = provider.Id;
        if (json["config"] is JsonObject config)
        {
            foreach (var key in SecretKeys.Where(config.ContainsKey))
            {
                config[key] = "**********************************";
            }
        }

        return json;
    }
}
