using Autofac;
using Autofac.Extensions.DependencyInjection;
using DockFlare.Host.Composition;
using DockFlare.Core.Settings;
using DockFlare.Host.Configuration;
using DockFlare.Host.Health;
using DockFlare.Host.Jobs;
using DockFlare.Host.Logging;
using DockFlare.Host.Plugins;
using Hangfire;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
DockFlareSettings settings;
try
{
    settings = DockFlareSettings.Load(builder.Configuration);
}
catch (SettingsException ex)
{
    await Console.Error.WriteLineAsync($"DockFlare cannot start. {ex.Message}");
    return 2;
}

Log.Logger = LoggingSetup.CreateLogger(builder.Configuration, settings.Host);
try
{
    builder.Services.AddSerilog();
    builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
    builder.Host.ConfigureContainer<ContainerBuilder>(container => FirstPartyModules.Register(container, settings));
    builder.AddDockFlarePlugins(settings.Host, Log.ForContext<PluginFolderLoader>());
    builder.Services.AddDockFlareJobs(settings.Redis, Log.ForContext<RecurringJobScheduler>());
    builder.Services.AddDockFlareHealth();

    var app = builder.Build();
    app.UseSerilogRequestLogging();
    app.MapDockFlareHealth();
    app.UseHangfireDashboard("/hangfire"); // loopback only until the Auth module puts it behind login
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "DockFlare stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
