using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth;

/// <summary>
/// OpenID Connect sign-in: authorization code flow with PKCE, and after the provider's checks our own: the e-mail must
/// be verified (<c>email_verified</c> true) and on the allow-list, which gives the role.
/// </summary>
internal static class OidcLogin
{
    public static void Configure(OpenIdConnectOptions oidc, AuthOptions options)
    {
        oidc.Authority = options.OidcAuthority;
        oidc.ClientId = options.OidcClientId;
        oidc.ClientSecret = options.OidcClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SignInScheme = DockFlareAuthentication.CookieScheme;
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.MapInboundClaims = false;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        oidc.Scope.Add("email");
        oidc.Scope.Add("profile");
        oidc.RequireHttpsMetadata = new Uri(options.OidcAuthority!).Scheme == "https";
        var allowList = options.OidcAllowList;
        oidc.Events.OnTicketReceived = context =>
        {
            var (principal, refusal) = Admit(context.Principal, allowList);
            if (principal is null)
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcLogin))
                    .LogWarning("OpenID Connect sign-in refused: {Reason}", refusal);
                context.Response.Redirect($"{DockFlareAuthentication.LoginPath}?error=oidc-refused");
                context.HandleResponse();
                return Task.CompletedTask;
            }

            context.Principal = principal;
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcLogin))
                .LogWarning(context.Failure, "OpenID Connect sign-in failed");
            context.Response.Redirect($"{DockFlareAuthentication.LoginPath}?error=oidc-failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>The UI principal for a provider's user, or null with the reason it is refused.</summary>
    public static (ClaimsPrincipal? Principal, string Refusal) Admit(ClaimsPrincipal? provided, EmailAllowList allowList)
    {
        var email = provided?.FindFirst("email")?.Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            return (null, "the provider sent no e-mail address (is the 'email' scope allowed for this client?)");
        }

        if (!string.Equals(provided!.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"the e-mail address {email} is not verified by the provider");
        }

        return allowList.RoleOf(email) is { } role
            ? (DockFlareAuthentication.UiPrincipal(email.ToLowerInvariant(), role, "oidc"), string.Empty)
            : (null, $"{email} is not on DOCKFLARE_OIDC_ADMINS or DOCKFLARE_OIDC_VIEWERS");
    }
}
