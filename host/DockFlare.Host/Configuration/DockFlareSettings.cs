using DockFlare.Modules.Access;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Dns;
using DockFlare.Modules.Reconciliation;
using DockFlare.Modules.State;
using DockFlare.Modules.Tunnels;

using DockFlare.Core.Labels;
using DockFlare.Core.Settings;

namespace DockFlare.Host.Configuration;

/// <summary>Every concern's settings, bound and validated once at start.</summary>
internal sealed record DockFlareSettings(
    HostSettings Host,
    CloudflareAccountSettings Cloudflare,
    RedisSettings Redis,
    LabelEngineOptions Labels,
    AgentsOptions Agents,
    TunnelsOptions Tunnels,
    DnsOptions Dns,
    AccessOptions Access,
    AuthOptions Auth,
    StateOptions State,
    ReconciliationOptions Reconciliation)
{
    /// <exception cref="SettingsException">Any setting is invalid; every bad one is named.</exception>
    public static DockFlareSettings Load(IConfiguration configuration)
    {
        var binder = new SettingsBinder(configuration);
        var settings = new DockFlareSettings(
            binder.Bind<HostSettings>(),
            binder.Bind<CloudflareAccountSettings>(),
            binder.Bind<RedisSettings>(),
            binder.Bind<LabelEngineOptions>(),
            binder.Bind<AgentsOptions>(),
            binder.Bind<TunnelsOptions>(),
            binder.Bind<DnsOptions>(),
            binder.Bind<AccessOptions>(),
            binder.Bind<AuthOptions>(),
            binder.Bind<StateOptions>(),
            binder.Bind<ReconciliationOptions>());
        binder.ThrowIfInvalid();
        return settings;
    }
}
