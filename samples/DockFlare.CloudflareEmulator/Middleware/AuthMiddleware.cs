using System.Text.RegularExpressions;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>
/// The authentication pipeline of SPEC §8.2, in order: no credentials → 400/9106; malformed header →
/// 400/6003 with its cause in <c>error_chain</c>; unknown token → 401/1000 on verify, 403/9109 elsewhere;
/// token without the account or permission → 403/10000; then unknown zones (1003) and Access switched
/// off (403/9999). Runs after routing, so it reads the endpoint's <see cref="RequiredPermission"/>.
/// </summary>
internal sealed partial class AuthMiddleware(RequestDelegate next, EmulatorStore store, EmulatorOptions options)
{
    public const string TokenKey = "emulator.token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiPath.IsApi(context.Request.Path))
        {
            context.Items[TokenKey] = Authenticate(context);
        }

        await next(context).ConfigureAwait(false);
    }

    private TokenState Authenticate(HttpContext context)
    {
        var path = ApiPath.Relative(context.Request.Path);
        var verify = VerifyPath().IsMatch(path);
        var authorization = context.Request.Headers.Authorization.ToString();
        var legacyKey = context.Request.Headers["X-Auth-Key"].ToString();
        if (authorization.Length == 0 && legacyKey.Length == 0)
        {
            throw EmulatorError.BadRequest(9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        }

        if (authorization.Length == 0)
        {
            if (!LegacyKey().IsMatch(legacyKey))
            {
                throw new EmulatorError(400, new CfError(6003, "Invalid request headers", [new CfError(6103, "Invalid format for X-Auth-Key header")]));
            }

            throw verify
                ? EmulatorError.BadRequest(1001, "Missing \"Authorization\" header")
                : new EmulatorError(403, new CfError(9109, "Unauthorized to access requested resource"));
        }

        var bearer = BearerHeader().Match(authorization);
        if (!bearer.Success)
        {
            throw new EmulatorError(400, new CfError(6003, "Invalid request headers", [new CfError(6111, "Invalid format for Authorization header")]));
        }

        TokenState? token;
        lock (store.Gate)
        {
            store.Tokens.TryGetValue(bearer.Groups["token"].Value, out token);
        }

        var userVerify = path == "/user/tokens/verify";
        if (token is null || (userVerify && token.IsAccountOwned))
        {
            throw verify
                ? new EmulatorError(401, new CfError(1000, "Invalid API Token"))
                : new EmulatorError(403, new CfError(9109, "Invalid access token"));
        }

        if (verify)
        {
            return token;
        }

        if (token.Status != "active")
        {
            throw new EmulatorError(403, new CfError(9109, "Invalid access token"));
        }

        Authorize(context, token, path);
        return token;
    }

    private void Authorize(HttpContext context, TokenState token, string path)
    {
        var accountId = context.GetRouteValue("accountId") as string;
        var zoneId = context.GetRouteValue("zoneId") as string;
        lock (store.Gate)
        {
            if (zoneId is not null)
            {
                if (!store.Zones.TryGetValue(zoneId, out var zone))
                {
                    throw options.UnknownZoneCode == 7003
                        ? EmulatorError.CouldNotRoute(path)
                        : EmulatorError.BadRequest(1003, "Invalid or missing zone id.");
                }

                accountId = zone.AccountId;
            }

            if (accountId is not null && (!token.AccountIds.Contains(accountId) || !store.Accounts.ContainsKey(accountId)))
            {
                throw new EmulatorError(403, new CfError(10000, "Authentication error"));
            }

            if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>() is { } required && !token.Has(required.Name))
            {
                throw new EmulatorError(403, new CfError(10000, "Authentication error"));
            }

            if (accountId is not null && path.Contains("/access/", StringComparison.Ordinal) && !store.Accounts[accountId].AccessEnabled)
            {
                throw new EmulatorError(403, new CfError(
                    9999,
                    "access.api.error.not_enabled: Access is not enabled. Visit the Access dashboard at https://dash.cloudflare.com/ and click the 'Enable Access' button."));
            }
        }
    }

    [GeneratedRegex(@"^/(user|accounts/[^/]+)/tokens/verify$", RegexOptions.CultureInvariant)]
    private static partial Regex VerifyPath();

    [GeneratedRegex(@"^Bearer (?<token>[A-Za-z0-9_\-]{40,})$", RegexOptions.CultureInvariant)]
    private static partial Regex BearerHeader();

    [GeneratedRegex("^[0-9a-f]{37}$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyKey();
}
