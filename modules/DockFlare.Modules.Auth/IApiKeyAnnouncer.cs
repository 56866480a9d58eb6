namespace DockFlare.Modules.Auth;

/// <summary>
/// Shows a newly generated API key to the operator, once. The default writes to the console directly,
/// not through the log pipeline, so that the key never lands in shipped logs.
/// </summary>
public interface IApiKeyAnnouncer
{
    /// <summary>Shows <paramref name="apiKey"/>; it is never shown again.</summary>
    void Announce(string apiKey);
}
