using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// Checks include/exclude/require arrays: one key per rule object, and references (groups, service tokens,
/// identity providers) that exist in the account. IdP-bound rules accept <c>identity_provider_id</c> and the
/// 2024 name <c>connection_id</c>.
/// </summary>
internal static class AccessRuleValidator
{
    public static void CheckRules(EmulatorStore store, string accountId, JsonObject body, string key, bool required)
    {
        var node = body[key];
        if (node is null)
        {
            if (required)
            {
                throw AccessErrors.Invalid($"{key} is required");
            }

            return;
        }

        if (node is not JsonArray rules || (required && rules.Count == 0))
        {
            throw AccessErrors.Invalid($"{key} must be a non-empty array of rules");
        }

        foreach (var rule in rules)
        {
            if (rule is not JsonObject single || single.Count != 1)
            {
                throw AccessErrors.Invalid($"every {key} rule must be an object with exactly one key");
            }

            var (kind, value) = single.First();
            if (value is not JsonObject parameters)
            {
                throw AccessErrors.Invalid($"{key} rule '{kind}' must hold an object");
            }

            CheckReference(store, accountId, kind, parameters);
        }
    }

    private static void CheckReference(EmulatorStore store, string accountId, string kind, JsonObject parameters)
    {
        string? Text(string name) => parameters[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

        switch (kind)
        {
            case "group":
                Require(store.Groups, accountId, Text("id"), "group");
                break;
            case "service_token":
                if (Text("token_id") is not { } tokenId || !store.ServiceTokens.TryGetValue(tokenId, out var token) || token.AccountId != accountId)
                {
                    throw AccessErrors.Invalid("service_token rule references an unknown service token");
                }

                break;
            case "login_method":
                Require(store.IdentityProviders, accountId, Text("id"), "identity provider");
                break;
            case "azureAD" or "gsuite" or "okta" or "saml" or "github-organization" or "oidc" or "auth_context":
                Require(store.IdentityProviders, accountId, Text("identity_provider_id") ?? Text("connection_id"), "identity provider");
                break;
        }
    }

    private static void Require(Dictionary<string, AccessObjectState> items, string accountId, string? id, string what)
    {
        if (id is null || !items.TryGetValue(id, out var item) || item.AccountId != accountId)
        {
            throw AccessErrors.Invalid($"rule references an unknown {what}");
        }
    }
}
