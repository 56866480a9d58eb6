namespace DockFlare.Modules.Auth;

/// <summary>
/// Shows a newly generated API key or setup code to the operator, once. The default writes to the console directly,
/// not through the log pipeline, so that the key never lands in shipped logs.
/// </summary>
public interface IApiKeyAnnouncer
{
    /// <summary>Shows <paramref name="apiKey"/>; it is never shown again.</summary>
    void Announce(string apiKey);

    /// <summary>Shows the one-time setup code that the setup page asks for before it creates the first admin.</summary>
    void AnnounceSetupCode(string setupCode);
}
