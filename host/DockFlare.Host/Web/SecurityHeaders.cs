namespace DockFlare.Host.Web;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows no inline script or style and nothing
/// from another origin, no framing, no MIME sniffing, no referrer to other sites, and HSTS over HTTPS.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard (admin-only) is third-party and uses inline scripts and styles; it alone gets them.
    private const string HangfirePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the sign-in page: its single sign-on form answers with a redirect to the provider, and browsers
    /// apply <c>form-action</c> to a form's redirects too, so the provider's origin (that of
    /// <paramref name="oidcAuthority"/>, where providers serve their authorize endpoint) is allowed there, and only there.
    /// </summary>
    public static string SignInPolicy(string? oidcAuthority) =>
        string.IsNullOrWhiteSpace(oidcAuthority)
            ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {new Uri(oidcAuthority).GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal);

    public static IApplicationBuilder UseDockFlareSecurityHeaders(this IApplicationBuilder app, string? oidcAuthority)
    {
        var signInPolicy = SignInPolicy(oidcAuthority);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Hangfire moves the part it matched into PathBase while it answers, so the whole path is looked at.
                var path = context.Request.PathBase.Add(context.Request.Path);
                headers.ContentSecurityPolicy = path.StartsWithSegments("/hangfire") ? HangfirePolicy
                    : path.StartsWithSegments(DockFlare.Modules.Auth.DockFlareAuthentication.LoginPath) ? signInPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
