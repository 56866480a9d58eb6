namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Reads Cloudflare accounts and their members.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareAccounts
{
    /// <summary>Lists every account the configured token can see.</summary>
    Task<IReadOnlyList<CloudflareAccount>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Lists the members of <paramref name="accountId"/>. Scoped tokens usually lack the permission:
    /// expect a <see cref="CloudflareApiException"/> with <see cref="CloudflareApiException.IsPermissionError"/>.
    /// </summary>
    Task<IReadOnlyList<CloudflareAccountMember>> ListAccountMembersAsync(string accountId, CancellationToken cancellationToken);
}
