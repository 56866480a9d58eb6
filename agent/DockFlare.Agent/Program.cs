using DockFlare.Agent;
using DockFlare.Core.Settings;

// The agent's runtime (registration, command long-poll, Docker events, cloudflared supervision) is the
// subject of its own issue. Today it validates its settings and checks that Docker and the master answer.
var builder = Host.CreateApplicationBuilder(args);
var binder = new SettingsBinder(builder.Configuration);
var settings = binder.Bind<AgentSettings>();
try
{
    binder.ThrowIfInvalid();
}
catch (SettingsException ex)
{
    await Console.Error.WriteLineAsync($"The DockFlare agent cannot start. {ex.Message}");
    return 2;
}

builder.Services.AddSingleton(settings);
builder.Services.AddHttpClient<AgentPreflight>(client => client.Timeout = TimeSpan.FromSeconds(10));
using var host = builder.Build();
var ok = await host.Services.GetRequiredService<AgentPreflight>().RunAsync(CancellationToken.None);
return ok ? 0 : 1;
