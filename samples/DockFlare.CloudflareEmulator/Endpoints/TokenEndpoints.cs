using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Token verification: <c>/user/tokens/verify</c> and, for account-owned tokens, <c>/accounts/{id}/tokens/verify</c>.</summary>
internal static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/user/tokens/verify", (HttpContext context) => Verified(context.Token()));
        api.MapGet("/accounts/{accountId:cfhex}/tokens/verify", (HttpContext context, string accountId) =>
        {
            var token = context.Token();
            if (!token.IsAccountOwned || !token.AccountIds.Contains(accountId))
            {
                throw new EmulatorError(401, new CfError(1000, "Invalid API Token"));
            }

            return Verified(token);
        });
    }

    private static IResult Verified(TokenState token)
    {
        var message = new JsonObject
        {
            ["code"] = 10000,
            ["message"] = token.Status == "active" ? "This API Token is valid and active" : $"This API Token is {token.Status}",
            ["type"] = null,
        };
        return CfResults.Ok(new JsonObject { ["id"] = token.Id, ["status"] = token.Status }, messages: [message]);
    }
}
