using Autofac;
using Autofac.Extensions.DependencyInjection;
using DockFlare.Host.Configuration;
using DockFlare.Modules.State;
using StackExchange.Redis;

namespace DockFlare.Host.Web.Cloudflare;

/// <summary>
/// At start, before the plugins load: when neither the sandbox nor <c>CF_API_TOKEN</c> is set, reads the credentials an
/// admin entered in the UI (with a short-lived state store and Data Protection of its own, configured exactly as the
/// master's) and hands them to the configuration the Cloudflare plugin reads. Environment variables always win.
/// </summary>
internal static class StoredCloudflareCredentials
{
    public const string TokenSetting = "CF_API_TOKEN";
    public const string AccountSetting = "CF_ACCOUNT_ID";

    /// <returns>
    /// The configuration entries to add (none when nothing is stored), and why stored credentials could not be read: then
    /// Cloudflare stays unconfigured, the failure is logged, and <c>/readyz</c> reports it until a start reads them.
    /// </returns>
    public static (IReadOnlyList<KeyValuePair<string, string?>> Settings, string? Problem) Load(DockFlareSettings settings, Serilog.ILogger log)
    {
        if (settings.Cloudflare.Sandbox || settings.Cloudflare.HasToken)
        {
            return ([], null);
        }

        ConnectionMultiplexer? redis = null;
        try
        {
            var services = new ServiceCollection();
            if (settings.Redis.IsConfigured)
            {
                var options = settings.Redis.Connection.ToConfigurationOptions();
                options.AbortOnConnectFail = true;
                redis = ConnectionMultiplexer.Connect(options);
                services.AddSingleton<IConnectionMultiplexer>(redis);
            }

            services.AddDockFlareDataProtection(settings.Redis, settings.State.DataDirectory);
            var builder = new ContainerBuilder();
            builder.Populate(services);
            builder.RegisterModule(new StateModule(settings.State));
            builder.RegisterType<CloudflareCredentialStore>().SingleInstance();
            using var container = builder.Build();
            var credentials = container.Resolve<CloudflareCredentialStore>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (credentials is null)
            {
                return ([], null);
            }

            log.Information("Cloudflare: account {AccountId} with the API token entered in the UI (stored encrypted)", credentials.AccountId);
            return ([new(TokenSetting, credentials.Token), new(AccountSetting, credentials.AccountId)], null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or RedisException or IOException)
        {
            log.Error("Cloudflare credentials entered in the UI could not be read, so Cloudflare is not configured: {Reason}", ex.Message);
            return ([], $"Cloudflare credentials entered in the UI could not be read at start, so Cloudflare is not configured: {ex.Message}");
        }
        finally
        {
            redis?.Dispose();
        }
    }
}
