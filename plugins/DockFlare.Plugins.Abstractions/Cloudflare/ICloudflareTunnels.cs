namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages Cloudflare Tunnels of an account: lifecycle, connector token, ingress configuration, connectors.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareTunnels
{
    /// <summary>Lists every tunnel of <paramref name="accountId"/> matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<CloudflareTunnel>> ListTunnelsAsync(string accountId, TunnelQuery query, CancellationToken cancellationToken);

    /// <summary>Reads a tunnel (deleted ones too, with <see cref="CloudflareTunnel.DeletedAt"/>); <see langword="null"/> only on a definitive 404.</summary>
    Task<CloudflareTunnel?> GetTunnelAsync(string accountId, string tunnelId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a remotely managed tunnel (<c>config_src: cloudflare</c>). A live tunnel with the same name
    /// throws with <see cref="CloudflareApiException.IsTunnelNameConflict"/>; the create is never retried
    /// after an ambiguous failure, so a conflict cannot be caused by our own retry.
    /// </summary>
    Task<TunnelCreation> CreateTunnelAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>Renames a tunnel.</summary>
    Task<CloudflareTunnel> RenameTunnelAsync(string accountId, string tunnelId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes (soft) a tunnel. With connectors attached Cloudflare refuses (<see cref="CloudflareApiException.IsActiveConnections"/>)
    /// unless <paramref name="cascade"/> drops them. Returns <see langword="false"/> when the tunnel was already gone.
    /// </summary>
    Task<bool> DeleteTunnelAsync(string accountId, string tunnelId, bool cascade, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the connector token. Accepts a JSON envelope or a raw-text body, and throws unless the token
    /// decodes and names <paramref name="tunnelId"/>.
    /// </summary>
    Task<TunnelToken> GetTunnelTokenAsync(string accountId, string tunnelId, CancellationToken cancellationToken);

    /// <summary>Reads the tunnel's stored ingress configuration and version.</summary>
    Task<TunnelConfiguration> GetTunnelConfigurationAsync(string accountId, string tunnelId, CancellationToken cancellationToken);

    /// <summary>Replaces the tunnel's whole configuration; Cloudflare validates it and bumps the version.</summary>
    Task<TunnelConfiguration> PutTunnelConfigurationAsync(string accountId, string tunnelId, TunnelIngressConfiguration configuration, CancellationToken cancellationToken);

    /// <summary>Lists the connectors currently attached to the tunnel (empty when none runs).</summary>
    Task<IReadOnlyList<TunnelConnector>> ListTunnelConnectorsAsync(string accountId, string tunnelId, CancellationToken cancellationToken);

    /// <summary>Reads one connector; <see langword="null"/> only on a definitive 404.</summary>
    Task<TunnelConnector?> GetTunnelConnectorAsync(string accountId, string tunnelId, string connectorId, CancellationToken cancellationToken);

    /// <summary>Drops the tunnel's connections: those of <paramref name="connectorId"/>, or all when it is <see langword="null"/>.</summary>
    Task CleanupTunnelConnectionsAsync(string accountId, string tunnelId, string? connectorId, CancellationToken cancellationToken);
}
