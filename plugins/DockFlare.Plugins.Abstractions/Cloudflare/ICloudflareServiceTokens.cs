namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages Access service tokens.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareServiceTokens
{
    /// <summary>Lists every service token (without secrets).</summary>
    Task<IReadOnlyList<ServiceToken>> ListServiceTokensAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Reads a service token; <see langword="null"/> only on a definitive 404.</summary>
    Task<ServiceToken?> GetServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken);

    /// <summary>Creates a service token and returns its secret, which is never shown again.</summary>
    Task<ServiceTokenCredentials> CreateServiceTokenAsync(string accountId, ServiceTokenRequest serviceToken, CancellationToken cancellationToken);

    /// <summary>Renames a service token or changes its duration.</summary>
    Task<ServiceToken> UpdateServiceTokenAsync(string accountId, string serviceTokenId, ServiceTokenRequest serviceToken, CancellationToken cancellationToken);

    /// <summary>Deletes a service token; <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken);

    /// <summary>Extends a service token's expiry by its duration.</summary>
    Task<ServiceToken> RefreshServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken);

    /// <summary>Issues a new client secret; the old one stops working.</summary>
    Task<ServiceTokenCredentials> RotateServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken);
}
