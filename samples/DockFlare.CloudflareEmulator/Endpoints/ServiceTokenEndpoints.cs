using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// Service tokens, <c>/accounts/{a}/access/service_tokens</c>: the client secret appears only in the create
/// (201) and rotate answers; delete answers 200 with the token.
/// </summary>
internal static class ServiceTokenEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorStore store)
    {
        const string Tokens = "/accounts/{accountId:cfhex}/access/service_tokens";
        const string Token = Tokens + "/{tokenId:cfuuid}";

        api.MapGet(Tokens, (HttpContext context, string accountId) =>
        {
            var name = context.Request.QueryText("name");
            List<JsonNode> items;
            lock (store.Gate)
            {
                items = store.ServiceTokens.Values.Where(t => t.AccountId == accountId)
                    .Where(t => name is null || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
                    .Select(t => (JsonNode)Render(t, withSecret: false)).ToList();
            }

            return Paging.Page(context.Request, items, 25, 1, 1000);
        }).Requires(EmulatorPermissions.AccessServiceTokensRead);

        api.MapPost(Tokens, async (HttpContext context, string accountId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            var name = JsonBody.String(body, "name", 12000) is { Length: > 0 } n ? n : throw AccessErrors.Invalid("name is required");
            var duration = Duration(body) ?? "8760h";
            lock (store.Gate)
            {
                var token = new ServiceTokenState
                {
                    Id = Ids.NewUuid(), AccountId = accountId, Name = name, ClientId = $"{Ids.NewHex()}.access", ClientSecret = Ids.NewHex64(),
                    Duration = duration, CreatedAt = store.Now, UpdatedAt = store.Now, ExpiresAt = Expiry(store.Now, duration),
                };
                store.ServiceTokens[token.Id] = token;
                return CfResults.Ok(Render(token, withSecret: true), 201);
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensWrite);

        api.MapGet(Token, (string accountId, string tokenId) =>
        {
            lock (store.Gate)
            {
                return CfResults.Ok(Render(Find(store, accountId, tokenId), withSecret: false));
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensRead);

        api.MapPut(Token, async (HttpContext context, string accountId, string tokenId) =>
        {
            var body = await JsonBody.ReadObjectAsync(context.Request).ConfigureAwait(false);
            var name = JsonBody.String(body, "name", 12000);
            var duration = Duration(body);
            lock (store.Gate)
            {
                var token = Find(store, accountId, tokenId);
                token.Name = name is { Length: > 0 } ? name : token.Name;
                if (duration is not null)
                {
                    token.Duration = duration;
                    token.ExpiresAt = Expiry(store.Now, duration);
                }

                token.UpdatedAt = store.Now;
                return CfResults.Ok(Render(token, withSecret: false));
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensWrite);

        api.MapDelete(Token, (string accountId, string tokenId) =>
        {
            lock (store.Gate)
            {
                var token = Find(store, accountId, tokenId);
                store.ServiceTokens.Remove(token.Id);
                return CfResults.Ok(Render(token, withSecret: false));
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensWrite);

        api.MapPost(Token + "/refresh", (string accountId, string tokenId) =>
        {
            lock (store.Gate)
            {
                var token = Find(store, accountId, tokenId);
                token.ExpiresAt = Expiry(store.Now, token.Duration);
                token.UpdatedAt = store.Now;
                return CfResults.Ok(Render(token, withSecret: false));
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensWrite);

        api.MapPost(Token + "/rotate", (string accountId, string tokenId) =>
        {
            lock (store.Gate)
            {
                var token = Find(store, accountId, tokenId);
                token.ClientSecret = Ids.NewHex64();
                token.UpdatedAt = store.Now;
                return CfResults.Ok(Render(token, withSecret: true));
            }
        }).Requires(EmulatorPermissions.AccessServiceTokensWrite);
    }

    private static string? Duration(JsonObject body)
    {
        var duration = JsonBody.String(body, "duration", 12000);
        return duration is null || duration == "forever" || GoDuration.TryParse(duration, out _)
            ? duration
            : throw AccessErrors.Invalid("duration must be a duration such as 8760h, or forever");
    }

    private static DateTimeOffset? Expiry(DateTimeOffset now, string duration) =>
        duration != "forever" && GoDuration.TryParse(duration, out var span) ? now + span : null;

    private static ServiceTokenState Find(EmulatorStore store, string accountId, string tokenId) =>
        AccessErrors.Find(store.ServiceTokens, tokenId, accountId, t => t.AccountId, "service token");

    private static JsonObject Render(ServiceTokenState token, bool withSecret)
    {
        var json = new JsonObject
        {
            ["id"] = token.Id,
            ["name"] = token.Name,
            ["client_id"] = token.ClientId,
            ["duration"] = token.Duration,
            ["created_at"] = Timestamps.Format(token.CreatedAt),
            ["updated_at"] = Timestamps.Format(token.UpdatedAt),
            ["expires_at"] = Timestamps.Format(token.ExpiresAt),
        };
        if (withSecret)
        {
            json["client_secret"] = token.ClientSecret;
        }

        return json;
    }
}
