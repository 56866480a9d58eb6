using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

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

        // One budget per API and token in the whole process: every caller of every provider interface shares it.
        services.AddSingleton(sp => CloudflareRequestBudget.For(settings, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICloudflareRequestBudget>(sp => sp.GetRequiredService<CloudflareRequestBudget>());
        services.AddTransient<CloudflareRateLimitHandler>();

        // Handlers run outermost first: the resilience pipeline wraps the rate-limit handler, so the
        // handler sees (and counts) every attempt, and retries honour Cloudflare's Retry-After.
        services.AddHttpClient(CloudflareTransport.HttpClientName, client =>
            {
                client.BaseAddress = settings.ApiBaseUrl;
                client.Timeout = settings.TotalTimeout + TimeSpan.FromSeconds(5);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("DockFlare-Cloudflare-Provider/1.0");
            })
            .RedactLoggedHeaders(_ => true)
            .AddStandardResilienceHandler(options =>
            {
                CloudflareRetryRules.Configure(options.Retry, settings);
                options.AttemptTimeout.Timeout = settings.AttemptTimeout;
                options.TotalRequestTimeout.Timeout = settings.TotalTimeout;
                options.CircuitBreaker.SamplingDuration = settings.AttemptTimeout * 2 + TimeSpan.FromSeconds(30);
                options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException || (int?)args.Outcome.Result?.StatusCode >= 500);
            });
        services.AddHttpClient(CloudflareTransport.HttpClientName).AddHttpMessageHandler<CloudflareRateLimitHandler>();

        services.AddSingleton<CloudflareTransport>();
        services.AddSingleton<CloudflareApiClient>();
        services.AddSingleton<ICloudflareTokenVerifier>(sp => sp.GetRequiredService<CloudflareApiClient>());
        services.AddSingleton<ICloudflareAccounts, CloudflareAccountsClient>();
        services.AddSingleton<ICloudflareZones, CloudflareZonesClient>();
        services.AddSingleton<ICloudflareDnsRecords, CloudflareDnsClient>();
        services.AddSingleton<ICloudflareTunnels, CloudflareTunnelsClient>();
        services.AddSingleton<ICloudflareAccessApplications, CloudflareAccessApplicationsClient>();
        services.AddSingleton<ICloudflareAccessPolicies, CloudflareAccessPoliciesClient>();
        services.AddSingleton<ICloudflareAccessGroups, CloudflareAccessGroupsClient>();
        services.AddSingleton<ICloudflareIdentityProviders, CloudflareIdentityProvidersClient>();
        services.AddSingleton<ICloudflareServiceTokens, CloudflareServiceTokensClient>();
        services.AddSingleton<IReadinessProbe, CloudflareReadinessProbe>();
    }
}
