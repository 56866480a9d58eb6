using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Plugins.Cloudflare.Wire;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareServiceTokens"/> over <c>/accounts/{account}/access/service_tokens</c>.</summary>
internal sealed class CloudflareServiceTokensClient(CloudflareTransport transport) : ICloudflareServiceTokens
{
    private const string Collection = "service_tokens";

    public Task<IReadOnlyList<ServiceToken>> ListServiceTokensAsync(string accountId, CancellationToken cancellationToken) =>
        transport.ListAllAsync<ServiceToken>(
            AccessPaths.Collection(accountId, Collection), [], CloudflarePageSizes.Access, t => t.Id, cancellationToken);

    public Task<ServiceToken?> GetServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<ServiceToken>(Item(accountId, serviceTokenId), cancellationToken);

    public async Task<ServiceTokenCredentials> CreateServiceTokenAsync(string accountId, ServiceTokenRequest serviceToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceToken);
        var path = AccessPaths.Collection(accountId, Collection);
        var wire = await transport.SendForResultAsync<ServiceTokenWire>(HttpMethod.Post, path, serviceToken, cancellationToken).ConfigureAwait(false);
        return WithSecret(wire, path);
    }

    public Task<ServiceToken> UpdateServiceTokenAsync(string accountId, string serviceTokenId, ServiceTokenRequest serviceToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceToken);
        return transport.SendForResultAsync<ServiceToken>(HttpMethod.Put, Item(accountId, serviceTokenId), serviceToken, cancellationToken);
    }

    public Task<bool> DeleteServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Item(accountId, serviceTokenId), cancellationToken);

    public Task<ServiceToken> RefreshServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken) =>
        transport.SendForResultAsync<ServiceToken>(HttpMethod.Post, Item(accountId, serviceTokenId) + "/refresh", null, cancellationToken);

    public async Task<ServiceTokenCredentials> RotateServiceTokenAsync(string accountId, string serviceTokenId, CancellationToken cancellationToken)
    {
        var path = Item(accountId, serviceTokenId) + "/rotate";
        var wire = await transport.SendForResultAsync<ServiceTokenWire>(HttpMethod.Post, path, null, cancellationToken).ConfigureAwait(false);
        return WithSecret(wire, path);
    }

    private static ServiceTokenCredentials WithSecret(ServiceTokenWire wire, string path) =>
        string.IsNullOrEmpty(wire.ClientSecret)
            ? throw new CloudflareApiException($"Cloudflare POST {path} returned no client secret.", 200, unexpectedResponse: true)
            : new ServiceTokenCredentials(wire.ToToken(), wire.ClientSecret);

    private static string Item(string accountId, string id) => AccessPaths.Item(accountId, Collection, id, "service token");
}
