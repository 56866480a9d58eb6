namespace DockFlare.Modules.Auth.Tokens;

/// <summary>What an API token may do.</summary>
public enum ApiTokenScope
{
    /// <summary>GET requests only (the viewer role).</summary>
    Read,

    /// <summary>Everything the REST API offers (the admin role).</summary>
    ReadWrite,
}
