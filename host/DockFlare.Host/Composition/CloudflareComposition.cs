using DockFlare.Core.Reconciliation;
using DockFlare.Host.Configuration;
using DockFlare.Host.Sandbox;

namespace DockFlare.Host.Composition;

/// <summary>
/// Chooses the Cloudflare the master works against. In sandbox mode it starts the emulator before the plugins
/// load and adds <c>CF_API_BASE_URL</c>, <c>CF_API_TOKEN</c> and <c>CF_ACCOUNT_ID</c> for them to read.
/// </summary>
internal static class CloudflareComposition
{
    public static CloudflareSetup AddDockFlareCloudflare(
        this WebApplicationBuilder builder, CloudflareAccountSettings settings, Serilog.ILogger log)
    {
        if (settings.Sandbox)
        {
            var emulator = SandboxCloudflare.Start();
            builder.Configuration.AddInMemoryCollection(SandboxCloudflare.PluginSettings(emulator));
            log.Warning(
                "Sandbox mode: Cloudflare is emulated in-process at {EmulatorUrl} with the zones {Zones}; nothing reaches the real Cloudflare",
                emulator.RootUrl, SandboxCloudflare.ZoneNames);
            return new CloudflareSetup(new CloudflareAccount(emulator.AccountId, IsSandbox: true), emulator);
        }

        if (!settings.HasToken)
        {
            log.Warning(
                "Cloudflare is not configured (no CF_API_TOKEN and no --sandbox): nothing will be reconciled. "
                + "Set CF_API_TOKEN and CF_ACCOUNT_ID, or start with --sandbox to try DockFlare against an emulated Cloudflare");
            return new CloudflareSetup(new CloudflareAccount(null, IsSandbox: false), null);
        }

        return new CloudflareSetup(new CloudflareAccount(settings.AccountId!.Trim(), IsSandbox: false), null);
    }
}
