using Autofac;
using Autofac.Extensions.DependencyInjection;
using DockFlare.Host.Api;
using DockFlare.Host.Composition;
using DockFlare.Host.Configuration;
using DockFlare.Host.Health;
using DockFlare.Host.Jobs;
using DockFlare.Host.Logging;
using DockFlare.Hosting.Plugins;
using DockFlare.Host.Sandbox;
using DockFlare.Host.Web;
using DockFlare.Host.Web.Cloudflare;
using Serilog;

namespace DockFlare.Host;

/// <summary>Builds the master: settings, logging, Cloudflare (or the sandbox), modules, plugins, jobs and endpoints, in that order.</summary>
internal static class DockFlareApp
{
    /// <param name="args">Command-line arguments; <c>--KEY=value</c> works like an environment variable, <c>--sandbox</c> starts sandbox mode.</param>
    /// <param name="configureContainer">Extra registrations after the modules' (tests add their jobs and fakes here).</param>
    /// <exception cref="DockFlare.Core.Settings.SettingsException">A setting is invalid; nothing was started.</exception>
    public static WebApplication Build(string[] args, Action<ContainerBuilder>? configureContainer = null)
    {
        var (rest, sandbox) = SandboxArguments.Strip(args);
        var builder = WebApplication.CreateBuilder(rest);
        if (sandbox)
        {
            builder.Configuration.AddInMemoryCollection([new(CloudflareAccountSettings.SandboxSetting, "true")]);
        }

        var settings = DockFlareSettings.Load(builder.Configuration);
        var log = LoggingSetup.CreateLogger(builder.Configuration, settings.Host);
        builder.Services.AddSerilog(log, dispose: true);

        // Credentials an admin entered in the UI, when the environment gives none: added before anything reads them.
        var (stored, storedProblem) = StoredCloudflareCredentials.Load(settings, log.ForContext(typeof(StoredCloudflareCredentials)));
        if (stored.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(stored);
            settings = DockFlareSettings.Load(builder.Configuration);
        }

        builder.Services.AddSingleton(new CloudflareCredentialSource(
            settings.Cloudflare.Sandbox ? CloudflareCredentialOrigin.Sandbox
            : stored.Count > 0 ? CloudflareCredentialOrigin.Stored
            : settings.Cloudflare.HasToken ? CloudflareCredentialOrigin.Environment
            : CloudflareCredentialOrigin.None,
            storedProblem));

        // Before the plugins load: in sandbox mode they must read the emulator's settings.
        var cloudflare = builder.AddDockFlareCloudflare(settings.Cloudflare, log.ForContext(typeof(CloudflareComposition)));
        try
        {
            return Compose(builder, settings, cloudflare, log, configureContainer);
        }
        catch
        {
            cloudflare.Emulator?.Dispose();
            throw;
        }
    }

    private static WebApplication Compose(
        WebApplicationBuilder builder, DockFlareSettings settings, CloudflareSetup cloudflare, Serilog.ILogger log,
        Action<ContainerBuilder>? configureContainer)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            FirstPartyModules.Register(container, settings, cloudflare);
            configureContainer?.Invoke(container);
        });
        builder.AddDockFlarePlugins(settings, log.ForContext<PluginFolderLoader>());
        builder.Services.AddDockFlareJobs(settings.Redis, log.ForContext(typeof(JobStorageSetup)));
        builder.Services.AddDockFlareHealth();
        builder.Services.AddDockFlareWeb(settings);
        builder.Services.AddDockFlareApi();

        var app = builder.Build();
        if (cloudflare.Account.IsSandbox)
        {
            app.UseSandboxResponseHeader();
        }

        app.UseExceptionHandler();
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevel.For);
        app.UseDockFlareWebFront(settings);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapDockFlareHealth();
        app.MapDockFlareApi();
        app.MapDockFlareWeb();
        return app;
    }
}
