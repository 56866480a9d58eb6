namespace DockFlare.Modules.Auth;

/// <summary>The REST API's authentication: <c>Authorization: Bearer &lt;API key or token&gt;</c>.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "Bearer";
}
