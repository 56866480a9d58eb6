namespace DockFlare.Plugins.Abstractions;

/// <summary>
/// Told about every change DockFlare applied to Cloudflare (a webhook, a chat message, an audit sink).
/// </summary>
/// <remarks>
/// Notifiers run after a change is applied and cannot veto it. A notifier that fails is logged
/// and does not stop the others.
/// </remarks>
public interface IChangeNotifier
{
    /// <summary>Delivers one applied change.</summary>
    Task NotifyAsync(ChangeNotification change, CancellationToken cancellationToken);
}
