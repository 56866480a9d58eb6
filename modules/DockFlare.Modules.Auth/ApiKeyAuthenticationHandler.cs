using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using DockFlare.Modules.Auth.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockFlare.Modules.Auth;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;key&gt;</c> when the key hashes to the one <see cref="ApiKeyVault"/> knows (an admin),
/// or is an unrevoked API token (<see cref="ApiTokenStore"/>; admin or viewer by its scope).
/// A refusal is a 401 with <c>WWW-Authenticate: Bearer</c> and a JSON body <c>{ "error": "unauthorized", "message": ... }</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVault vault, ApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string MissingKeyMessage = "This endpoint needs the API key: send it as 'Authorization: Bearer <key>'.";
    public const string WrongKeyMessage = "The API key is not valid.";
    public const string WrongTokenMessage = "The API token is not valid or was revoked.";
    public const string NotBearerMessage = "The Authorization header is not a Bearer key: send 'Authorization: Bearer <key>'.";

    /// <summary>The claim naming the API token that authenticated the request.</summary>
    public const string TokenIdClaim = "dockflare:api-token";

    private static readonly AuthenticationTicket Ticket = new(
        new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.Role, Roles.Admin)], ApiKeyAuthentication.SchemeName)),
        ApiKeyAuthentication.SchemeName);

    // The body is JSON, never HTML, so quotes and angle brackets in the message need no escaping.
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string _failure = MissingKeyMessage;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, ApiKeyAuthentication.SchemeName, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            _failure = NotBearerMessage;
            return AuthenticateResult.Fail(NotBearerMessage);
        }

        var presented = value.Parameter.Trim();
        if (ApiTokenStore.LooksLikeToken(presented))
        {
            if (await tokens.AuthenticateAsync(presented, Context.RequestAborted).ConfigureAwait(false) is { } token)
            {
                return AuthenticateResult.Success(TokenTicket(token));
            }

            _failure = WrongTokenMessage;
            return AuthenticateResult.Fail(WrongTokenMessage);
        }

        if (await vault.VerifyAsync(presented, Context.RequestAborted).ConfigureAwait(false))
        {
            return AuthenticateResult.Success(Ticket);
        }

        _failure = WrongKeyMessage;
        return AuthenticateResult.Fail(WrongKeyMessage);
    }

    private static AuthenticationTicket TokenTicket(ApiToken token) => new(
        new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"token:{token.Name}"),
                new Claim(ClaimTypes.Role, token.Scope == ApiTokenScope.ReadWrite ? Roles.Admin : Roles.Viewer),
                new Claim(TokenIdClaim, token.Id),
            ],
            ApiKeyAuthentication.SchemeName)),
        ApiKeyAuthentication.SchemeName);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyAuthentication.SchemeName;
        await WriteErrorAsync("unauthorized", _failure).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteErrorAsync("forbidden", Context.User.FindFirst(TokenIdClaim) is not null
            ? "This API token may only read: make a read-write token to change anything."
            : "This credential may not do this.");
    }

    private Task WriteErrorAsync(string error, string message)
    {
        Response.ContentType = "application/json; charset=utf-8";
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["message"] = message }, BodyOptions);
        return Response.WriteAsync(body, Context.RequestAborted);
    }
}
