using Autofac;
using Autofac.Extensions.DependencyInjection;
using DockFlare.Host.Composition;
using DockFlare.Host.Configuration;
using DockFlare.Host.Health;
using DockFlare.Host.Jobs;
using DockFlare.Host.Logging;
using DockFlare.Host.Plugins;
using Hangfire;
using Serilog;

namespace DockFlare.Host;

/// <summary>Builds the master: settings, logging, modules, plugins, jobs and endpoints, in that order.</summary>
internal static class DockFlareApp
{
    /// <param name="args">Command-line arguments; <c>--KEY=value</c> works like an environment variable.</param>
    /// <param name="configureContainer">Extra registrations after the modules' (tests add their jobs here).</param>
    /// <exception cref="DockFlare.Core.Settings.SettingsException">A setting is invalid; nothing was started.</exception>
    public static WebApplication Build(string[] args, Action<ContainerBuilder>? configureContainer = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = DockFlareSettings.Load(builder.Configuration);
        var log = LoggingSetup.CreateLogger(builder.Configuration, settings.Host);
        builder.Services.AddSerilog(log, dispose: true);

        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            FirstPartyModules.Register(container, settings);
            configureContainer?.Invoke(container);
        });
        builder.AddDockFlarePlugins(settings.Host, log.ForContext<PluginFolderLoader>());
        builder.Services.AddDockFlareJobs(settings.Redis, log.ForContext(typeof(JobStorageSetup)));
        builder.Services.AddDockFlareHealth();

        var app = builder.Build();
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevel.For);
        app.MapDockFlareHealth();
        app.UseHangfireDashboard("/hangfire"); // loopback only until the Auth module puts it behind login
        return app;
    }
}
