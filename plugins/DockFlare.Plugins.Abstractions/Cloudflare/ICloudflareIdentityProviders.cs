namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages Access identity providers.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareIdentityProviders
{
    /// <summary>Lists every identity provider.</summary>
    Task<IReadOnlyList<IdentityProvider>> ListIdentityProvidersAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Reads an identity provider; <see langword="null"/> only on a definitive 404.</summary>
    Task<IdentityProvider?> GetIdentityProviderAsync(string accountId, string identityProviderId, CancellationToken cancellationToken);

    /// <summary>Creates an identity provider (a second <c>onetimepin</c> is a conflict).</summary>
    Task<IdentityProvider> CreateIdentityProviderAsync(string accountId, IdentityProviderRequest identityProvider, CancellationToken cancellationToken);

    /// <summary>Replaces an identity provider.</summary>
    Task<IdentityProvider> UpdateIdentityProviderAsync(string accountId, string identityProviderId, IdentityProviderRequest identityProvider, CancellationToken cancellationToken);

    /// <summary>Deletes an identity provider; <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteIdentityProviderAsync(string accountId, string identityProviderId, CancellationToken cancellationToken);
}
