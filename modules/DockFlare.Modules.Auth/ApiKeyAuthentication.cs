using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Auth;

/// <summary>The REST API's authentication: <c>Authorization: Bearer &lt;API key&gt;</c> on every endpoint not marked anonymous.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "Bearer";

    /// <summary>
    /// Adds the Bearer API key scheme as the default, and a fallback authorization policy that requires an
    /// authenticated caller, so an endpoint is anonymous only when it says so (<c>AllowAnonymous</c>).
    /// </summary>
    public static IServiceCollection AddDockFlareApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build());
        return services;
    }
}
