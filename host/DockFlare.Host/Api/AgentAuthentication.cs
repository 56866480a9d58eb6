using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace DockFlare.Host.Api;

/// <summary>
/// The agent API's own authentication: <c>Authorization: Bearer dfa_…</c> checked against the agent keys,
/// never the admin key. Its policy replaces the admin fallback policy on the agent routes.
/// </summary>
internal static class AgentAuthentication
{
    public const string SchemeName = "AgentKey";
    public const string KeyIdClaim = "dockflare:agent-key";
    public const string AgentIdClaim = "dockflare:agent";

    /// <summary>The policy of the agent routes: an agent key, and only that scheme.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build();

    /// <summary>
    /// Adds the scheme to the running app's scheme provider. Done when the routes are mapped so the agent
    /// API stays one self-contained piece; the handler is created per request like any other.
    /// </summary>
    public static void AddScheme(IServiceProvider services) =>
        services.GetRequiredService<IAuthenticationSchemeProvider>()
            .TryAddScheme(new AuthenticationScheme(SchemeName, SchemeName, typeof(AgentKeyAuthenticationHandler)));

    /// <summary>The agent the key is bound to, or null for a key that has not registered an agent yet.</summary>
    public static string? BoundAgentId(ClaimsPrincipal user)
    {
        var value = user.FindFirst(AgentIdClaim)?.Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
