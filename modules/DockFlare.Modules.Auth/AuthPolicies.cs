using Microsoft.AspNetCore.Authorization;

namespace DockFlare.Modules.Auth;

/// <summary>The authorization policies every endpoint uses; the fallback (any signed-in caller) covers the rest.</summary>
public static class AuthPolicies
{
    /// <summary>Changes state: admins, read-write API tokens and the bootstrap API key.</summary>
    public const string Admin = "dockflare-admin";

    /// <summary>Adds <see cref="Admin"/>.</summary>
    public static AuthorizationBuilder AddDockFlarePolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
}
