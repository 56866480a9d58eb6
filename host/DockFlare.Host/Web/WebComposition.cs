using DockFlare.Host.Web.Cloudflare;
using System.Threading.RateLimiting;
using DockFlare.Host.Configuration;
using DockFlare.Host.Web.Containers;
using DockFlare.Host.Web.DryRun;
using DockFlare.Modules.Auth;
using Hangfire;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.RateLimiting;

namespace DockFlare.Host.Web;

/// <summary>The web UI (Razor Pages under <c>Web/Pages</c>) and the HTTP hardening around the whole host.</summary>
internal static class WebComposition
{
    public const string SignInRateLimit = "sign-in";
    public const string CorsPolicy = "dockflare-api";

    /// <summary>Sign-in and setup attempts allowed per client address per minute.</summary>
    public const int SignInAttemptsPerMinute = 10;

    public static IServiceCollection AddDockFlareWeb(this IServiceCollection services, DockFlareSettings settings)
    {
        services.AddDockFlareAuthentication(settings.Auth);
        services.AddDockFlareDataProtection(settings.Redis, settings.State.DataDirectory);
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/Setup");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AddPageApplicationModelConvention("/Login", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInRateLimit)));
            options.Conventions.AddPageApplicationModelConvention("/Setup", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInRateLimit)));
            options.Conventions.AuthorizeFolder("/Admin", AuthPolicies.Admin);
        })
            // Named explicitly: MVC looks for pages in the entry assembly, which is not the host's under a test runner.
            .AddApplicationPart(typeof(WebComposition).Assembly)
            .AddMvcOptions(mvc => mvc.Filters.Add<AdminOnlyChangesFilter>());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "dockflare.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from this address: wait a minute and try again.", cancellationToken));
            };
        });
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the configured proxies are believed; the framework's default (loopback) is dropped.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in settings.Auth.TrustedProxyNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        if (settings.Auth.CorsOriginList.Count > 0)
        {
            services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. settings.Auth.CorsOriginList]).AllowAnyMethod().WithHeaders("Authorization", "Content-Type")));
        }

        services.AddSingleton<LiveRoutesFeed>();
        services.AddSingleton<CloudflareCredentialStore>();
        services.AddTransient<CloudflareCredentialCheck>();
        services.AddTransient<PreviewReader>();
        services.AddTransient<PlanIgnoreList>();
        services.AddTransient<ContainerTraceReader>();
        return services;
    }

    /// <summary>The middleware that must run before routing: forwarded headers from trusted proxies and security headers.</summary>
    public static void UseDockFlareWebFront(this WebApplication app, DockFlareSettings settings)
    {
        if (settings.Auth.TrustedProxyNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseDockFlareSecurityHeaders(settings.Auth.OidcAuthority);

        // A UI page that answers an error without a body (an unknown agent's page, say) shows the error page; the REST
        // API keeps its JSON errors and Hangfire its own pages.
        app.UseWhen(
            context => !DockFlareAuthentication.IsApiRequest(context.Request) && !context.Request.Path.StartsWithSegments("/hangfire"),
            branch => branch.UseStatusCodePagesWithReExecute("/error"));
        // asp-append-version hashes the files through the web root provider, so it is the embedded one too.
        app.Environment.WebRootFileProvider = new ManifestEmbeddedFileProvider(typeof(WebComposition).Assembly, "wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        if (settings.Auth.CorsOriginList.Count > 0)
        {
            app.UseCors();
        }
    }

    public static void MapDockFlareWeb(this WebApplication app)
    {
        app.MapRazorPages();
        UiEndpoints.Map(app);
        // Authorization is the endpoint's (admins only); Hangfire's own filter (loopback only) is replaced by it.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AsyncAuthorization = [] })
            .RequireAuthorization(AuthPolicies.Admin);
    }
}
