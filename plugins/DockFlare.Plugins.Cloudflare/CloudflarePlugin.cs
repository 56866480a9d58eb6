using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>Registers the Cloudflare API v4 provider.</summary>
public sealed class CloudflarePlugin : IDockFlarePlugin
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);

        var settings = CloudflareSettings.FromConfiguration(context.Configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CloudflareApiClient.HttpClientName, client =>
        {
            client.BaseAddress = settings.ApiBaseUrl;
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<CloudflareApiClient>();
        services.AddSingleton<ICloudflareTokenVerifier>(sp => sp.GetRequiredService<CloudflareApiClient>());
        services.AddSingleton<IReadinessProbe, CloudflareReadinessProbe>();
    }
}
