namespace DockFlare.CloudflareEmulator;

/// <summary>
/// Cloudflare's permission group names, as a token recipe lists them. A <c>Write</c> permission implies
/// the matching <c>Read</c>.
/// </summary>
public static class EmulatorPermissions
{
    /// <summary>Account members.</summary>
    public const string AccountSettingsRead = "Account Settings Read";

    /// <summary>Zones.</summary>
    public const string ZoneRead = "Zone Read";

    /// <summary>DNS records (read).</summary>
    public const string DnsRead = "DNS Read";

    /// <summary>DNS records.</summary>
    public const string DnsWrite = "DNS Write";

    /// <summary>Tunnels (read).</summary>
    public const string TunnelRead = "Cloudflare Tunnel Read";

    /// <summary>Tunnels.</summary>
    public const string TunnelWrite = "Cloudflare Tunnel Write";

    /// <summary>Access applications and policies (read).</summary>
    public const string AccessAppsRead = "Access: Apps and Policies Read";

    /// <summary>Access applications and policies.</summary>
    public const string AccessAppsWrite = "Access: Apps and Policies Write";

    /// <summary>Access groups and identity providers (read).</summary>
    public const string AccessOrganizationRead = "Access: Organizations, Identity Providers, and Groups Read";

    /// <summary>Access groups and identity providers.</summary>
    public const string AccessOrganizationWrite = "Access: Organizations, Identity Providers, and Groups Write";

    /// <summary>Access service tokens (read).</summary>
    public const string AccessServiceTokensRead = "Access: Service Tokens Read";

    /// <summary>Access service tokens.</summary>
    public const string AccessServiceTokensWrite = "Access: Service Tokens Write";
}
