using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareIdentityProviders"/> over <c>/accounts/{account}/access/identity_providers</c>.</summary>
internal sealed class CloudflareIdentityProvidersClient(CloudflareTransport transport) : ICloudflareIdentityProviders
{
    private const string Collection = "identity_providers";

    public Task<IReadOnlyList<IdentityProvider>> ListIdentityProvidersAsync(string accountId, CancellationToken cancellationToken) =>
        transport.ListAllAsync<IdentityProvider>(
            AccessPaths.Collection(accountId, Collection), [], CloudflarePageSizes.Access, p => p.Id, cancellationToken);

    public Task<IdentityProvider?> GetIdentityProviderAsync(string accountId, string identityProviderId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<IdentityProvider>(Item(accountId, identityProviderId), cancellationToken);

    public Task<IdentityProvider> CreateIdentityProviderAsync(string accountId, IdentityProviderRequest identityProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identityProvider);
        return transport.SendForResultAsync<IdentityProvider>(
            HttpMethod.Post, AccessPaths.Collection(accountId, Collection), identityProvider, cancellationToken);
    }

    public Task<IdentityProvider> UpdateIdentityProviderAsync(
        string accountId, string identityProviderId, IdentityProviderRequest identityProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identityProvider);
        return transport.SendForResultAsync<IdentityProvider>(HttpMethod.Put, Item(accountId, identityProviderId), identityProvider, cancellationToken);
    }

    public Task<bool> DeleteIdentityProviderAsync(string accountId, string identityProviderId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Item(accountId, identityProviderId), cancellationToken);

    private static string Item(string accountId, string id) => AccessPaths.Item(accountId, Collection, id, "identity provider");
}
