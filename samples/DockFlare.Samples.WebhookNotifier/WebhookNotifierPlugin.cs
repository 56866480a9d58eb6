using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Samples.WebhookNotifier;

/// <summary>
/// Registers a change notifier that posts each applied change to <c>WEBHOOK_NOTIFIER_URL</c>.
/// Without that setting it registers only a readiness probe that says so.
/// </summary>
public sealed class WebhookNotifierPlugin : IDockFlarePlugin
{
    /// <summary>The setting naming the webhook.</summary>
    public const string UrlSetting = "WEBHOOK_NOTIFIER_URL";

    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);

        var text = context.Configuration[UrlSetting];
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(text)
            && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"{UrlSetting} '{text}' is not an absolute http(s) URL.", nameof(context));
        }

        var settings = new WebhookSettings(url);
        services.AddSingleton(settings);
        services.AddSingleton<IReadinessProbe, WebhookReadinessProbe>();
        if (url is not null)
        {
            services.AddHttpClient(WebhookChangeNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<IChangeNotifier, WebhookChangeNotifier>();
        }
    }
}
