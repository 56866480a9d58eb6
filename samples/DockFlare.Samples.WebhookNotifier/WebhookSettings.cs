namespace DockFlare.Samples.WebhookNotifier;

/// <summary>Where changes are posted; null when the plugin is not configured.</summary>
internal sealed record WebhookSettings(Uri? Url);
