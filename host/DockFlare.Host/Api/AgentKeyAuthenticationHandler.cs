using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DockFlare.Modules.Agents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DockFlare.Host.Api;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;agent key&gt;</c> when it is an active agent key. A refusal is a 401 with
/// <c>{ "status": "error", "error": "unauthorized", "message": … }</c> (the original agent reads <c>status</c>);
/// the key of a removed agent gets 410 <c>agent_removed</c> instead. The key itself is never logged.
/// </summary>
internal sealed class AgentKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAgentKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ItemKey = "dockflare.agent-key";

    private bool _removed;

    private string _failure = "This endpoint needs an agent key: send it as 'Authorization: Bearer <agent key>'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            _failure = "The Authorization header is not a Bearer key: send 'Authorization: Bearer <agent key>'.";
            return AuthenticateResult.Fail(_failure);
        }

        var secret = value.Parameter.Trim();
        var key = await keys.VerifyAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            _removed = await keys.IsRemovedAgentKeyAsync(secret, Context.RequestAborted);
            _failure = _removed ? AgentRequestGuard.RemovedMessage : "The agent key is unknown, revoked or replaced.";
            return AuthenticateResult.Fail(_failure);
        }

        Context.Items[ItemKey] = key;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "agent-key:" + key.KeyId),
                new Claim(AgentAuthentication.KeyIdClaim, key.KeyId),
                new Claim(AgentAuthentication.AgentIdClaim, key.BoundAgentId ?? ""),
                new Claim(ClaimTypes.Role, "agent"),
            ],
            AgentAuthentication.SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AgentAuthentication.SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_removed)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Response.WriteAsJsonAsync(new AgentError("error", "agent_removed", AgentRequestGuard.RemovedMessage), Context.RequestAborted);
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Response.WriteAsJsonAsync(new { status = "error", error = "unauthorized", message = _failure }, Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { status = "error", error = "forbidden", message = "This agent key may not do this." }, Context.RequestAborted);
    }
}
