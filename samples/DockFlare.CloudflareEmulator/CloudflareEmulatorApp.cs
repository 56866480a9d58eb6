using DockFlare.CloudflareEmulator.Endpoints;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.Middleware;
using DockFlare.CloudflareEmulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DockFlare.CloudflareEmulator;

/// <summary>
/// Builds and starts the emulator, standalone or in-process (tests, the master's sandbox mode).
/// It only ever binds to 127.0.0.1.
/// </summary>
public static class CloudflareEmulatorApp
{
    /// <summary>Starts an emulator on <paramref name="urls"/> (port 0 picks a free port) and returns a handle to it.</summary>
    /// <exception cref="ArgumentException">A URL is not http on 127.0.0.1, or the seed is inconsistent.</exception>
    public static Task<RunningEmulator> StartAsync(
        EmulatorOptions options, string urls = "http://127.0.0.1:0", CancellationToken cancellationToken = default) =>
        StartAsync(options, urls, standalone: false, cancellationToken);

    /// <summary>Standalone runs stop on Ctrl+C and SIGTERM; embedded ones leave those signals to their host process.</summary>
    internal static async Task<RunningEmulator> StartAsync(EmulatorOptions options, string urls, bool standalone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = Build(options, urls, standalone);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningEmulator(app, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<EmulatorStore>(), options);
    }

    internal static WebApplication Build(EmulatorOptions options, string urls, bool standalone)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.Host != "127.0.0.1")
            {
                throw new ArgumentException($"The emulator binds only to http://127.0.0.1:<port>, not '{url}'.", nameof(urls));
            }
        }

        var store = new EmulatorStore(options.Clock);
        EmulatorSeeder.Apply(store, options.Seed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CloudflareEmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        if (!standalone)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<FaultBook>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddRouting(routing =>
        {
            routing.ConstraintMap["cfhex"] = typeof(HexIdRouteConstraint);
            routing.ConstraintMap["cfuuid"] = typeof(UuidRouteConstraint);
        });

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AuthMiddleware>();

        var api = app.MapGroup(ApiPath.Prefix);
        TokenEndpoints.Map(api);
        AccountEndpoints.Map(api, store);
        ZoneEndpoints.Map(api, store);
        DnsEndpoints.Map(api, store, options);
        TunnelEndpoints.Map(api, store);
        TunnelConfigEndpoints.Map(api, store);
        AccessAppEndpoints.Map(api, store);
        AccessPolicyEndpoints.Map(api, store);
        AccessGroupEndpoints.Map(api, store);
        IdentityProviderEndpoints.Map(api, store);
        ServiceTokenEndpoints.Map(api, store);
        api.MapFallback((HttpContext context) => CfResults.Fail(400, EmulatorError.CouldNotRoute(ApiPath.Relative(context.Request.Path)).Errors));
        AdminEndpoints.Map(app, store, app.Services.GetRequiredService<FaultBook>(), app.Services.GetRequiredService<RequestLog>());
        return app;
    }
}
