using System.Net.Http.Json;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging;

namespace DockFlare.Samples.WebhookNotifier;

/// <summary>Posts each change as a JSON object; a failed delivery is logged and reported to the caller.</summary>
internal sealed class WebhookChangeNotifier(
    WebhookSettings settings,
    IHttpClientFactory httpClientFactory,
    ILogger<WebhookChangeNotifier> log) : IChangeNotifier
{
    public const string HttpClientName = "webhook-notifier";

    public async Task NotifyAsync(ChangeNotification change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(settings.Url, change, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            log.LogWarning("Webhook refused change {ChangeKind} of {ChangeTarget}: HTTP {Status}", change.Kind, change.Target, (int)response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
    }
}
