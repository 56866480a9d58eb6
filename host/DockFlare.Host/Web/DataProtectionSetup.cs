using DockFlare.Host.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DockFlare.Host.Web;

/// <summary>
/// ASP.NET Core Data Protection (session cookies, antiforgery tokens, encrypted settings) with keys that outlive the
/// process, so a restart logs nobody out: in Redis when Redis is the store (shared by every replica), otherwise in
/// <c>DATA_DIR/keys</c>.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "dockflare";
    public const string RedisKey = "dockflare:dataprotection:keys";

    public static IServiceCollection AddDockFlareDataProtection(this IServiceCollection services, RedisSettings redis, string dataDirectory)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (redis.IsConfigured)
        {
            // The multiplexer is the one the state store uses, resolved when the first key is needed.
            var database = redis.Connection.Database;
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new RedisXmlRepository(
                    () => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(database), RedisKey)));
        }
        else
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }

        return services;
    }
}
