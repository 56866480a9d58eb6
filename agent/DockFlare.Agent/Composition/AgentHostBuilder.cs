using System.Net.Http.Headers;
using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Commands;
using DockFlare.Agent.Containers;
using DockFlare.Agent.Docker;
using DockFlare.Agent.Health;
using DockFlare.Agent.Master;
using DockFlare.Agent.State;
using DockFlare.Agent.Tunnel;
using DockFlare.Core.Labels;
using DockFlare.Core.Settings;
using Microsoft.Extensions.Logging.Console;

namespace DockFlare.Agent.Composition;

/// <summary>
/// Composes the whole agent from configuration: settings (every problem collected, each naming its variable), console
/// logging, persisted state, the master client, Docker watching, cloudflared supervision and <c>/health</c>. Program.cs
/// calls it with the process's configuration; tests call it with theirs to run the agent in-process.
/// </summary>
internal static class AgentHostBuilder
{
    public static AgentBuild Build(IConfiguration configuration, AgentHostOptions? options = null)
    {
        options ??= new AgentHostOptions();
        var binder = new SettingsBinder(configuration);
        var settings = binder.Bind<AgentSettings>();
        var labelOptions = binder.Bind<LabelEngineOptions>();
        if (binder.Problems.Count == 0)
        {
            CheckDataDirectory(settings, binder);
        }

        if (binder.Problems.Count > 0)
        {
            return new AgentBuild(null, binder.Problems);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder.Logging, settings);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.Timings.ShutdownAckWait + TimeSpan.FromSeconds(5));
        services.AddSingleton(settings);
        services.AddSingleton(labelOptions);
        services.AddSingleton(options.Timings);
        services.AddSingleton(TimeProvider.System);
        AddState(services, settings);
        AddMaster(services, settings);
        AddContainers(services);
        AddTunnel(services);
        services.AddSingleton<HealthEvaluator>();
        services.AddHostedService<HealthServer>();
        services.AddHostedService<AgentWorker>();

        if (options.LoadDockerProvider)
        {
            try
            {
                services.AddAgentDocker(configuration, options.PluginsDirectory);
            }
            catch (AgentPluginException ex)
            {
                return new AgentBuild(null, [ex.Message]);
            }
        }

        options.ConfigureServices?.Invoke(services);
        return new AgentBuild(builder.Build(), []);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, AgentSettings settings)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            // TZ (as in the original agent's compose files) gives local timestamps with their offset; unset, UTC.
            console.UseUtcTimestamp = string.IsNullOrWhiteSpace(settings.TimeZone);
            console.TimestampFormat = console.UseUtcTimestamp ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z' " : "yyyy-MM-dd'T'HH:mm:ss.fffzzz ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.SetMinimumLevel(settings.MinimumLogLevel);

        // Framework chatter (every HTTP request, host lifetime notes) stays out of an idle agent's log.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
    }

    private static void AddState(IServiceCollection services, AgentSettings settings)
    {
        services.AddSingleton(sp => new AgentStateFile(
            settings.DataDirectory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AgentStateFile>>()));
        services.AddSingleton<AgentStateStore>();
        services.AddSingleton<IAgentIdentity>(sp => sp.GetRequiredService<AgentStateStore>());
    }

    private static void AddMaster(IServiceCollection services, AgentSettings settings)
    {
        var master = settings.MasterUri.AbsoluteUri.EndsWith('/') ? settings.MasterUri : new Uri(settings.MasterUri.AbsoluteUri + "/");
        services.AddHttpClient(MasterClient.HttpClientName, client =>
        {
            client.BaseAddress = master;
            client.Timeout = Timeout.InfiniteTimeSpan; // each call has its own deadline (the long poll a longer one)
            client.MaxResponseContentBufferSize = MasterClient.MaxBodyBytes;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey!.Trim());
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DockFlare-Agent", AgentVersion.Current));
        });
        services.AddSingleton<MasterConnection>();
        services.AddSingleton<MasterClient>();
        services.AddSingleton<AgentRegistrar>();
        services.AddSingleton<HeartbeatLoop>();
    }

    private static void AddContainers(IServiceCollection services)
    {
        services.AddSingleton<DockFlareLabels>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<EventSession>();
        services.AddSingleton<InventoryReporter>();
        services.AddSingleton<InventoryLoop>();
        services.AddSingleton<EventSender>();
        services.AddHostedService<EventWatcher>();
    }

    private static void AddTunnel(IServiceCollection services)
    {
        services.AddAgentCloudflared();
        services.AddSingleton<TunnelSupervisor>();
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<CommandProcessor>();
        services.AddSingleton<CommandPoller>();
        services.AddHostedService<TunnelSupervisionService>();
    }

    // A volume the agent's user cannot write would make it forget its id and tunnel at every restart: refuse to start.
    private static void CheckDataDirectory(AgentSettings settings, SettingsBinder binder)
    {
        var probe = Path.Combine(settings.DataDirectory, $".write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(settings.DataDirectory);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            binder.Add($"DATA_DIR '{settings.DataDirectory}' cannot be written by the agent's user ({ex.Message}): mount a volume that user can write (the image runs as UID 65532).");
        }
    }
}
