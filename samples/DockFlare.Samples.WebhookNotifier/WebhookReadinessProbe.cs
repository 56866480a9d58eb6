using DockFlare.Plugins.Abstractions;

namespace DockFlare.Samples.WebhookNotifier;

/// <summary>Says whether the webhook is configured; it does not call the webhook, which may count calls.</summary>
internal sealed class WebhookReadinessProbe(WebhookSettings settings) : IReadinessProbe
{
    public string Name => "webhook-notifier";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(settings.Url is null
            ? ReadinessResult.Degraded($"{WebhookNotifierPlugin.UrlSetting} is not set; no change is posted")
            : ReadinessResult.Ready($"posting changes to {settings.Url.GetLeftPart(UriPartial.Authority)}"));
}
