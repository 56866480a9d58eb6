using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Plugins.Cloudflare.Wire;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareAccounts"/> over <c>/accounts</c>.</summary>
internal sealed class CloudflareAccountsClient(CloudflareTransport transport) : ICloudflareAccounts
{
    public async Task<IReadOnlyList<CloudflareAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = await transport.ListAllAsync<AccountWire>("accounts", [], CloudflarePageSizes.Accounts, a => a.Id, cancellationToken)
            .ConfigureAwait(false);
        return accounts.Select(a => a.ToAccount()).ToList();
    }

    public async Task<IReadOnlyList<CloudflareAccountMember>> ListAccountMembersAsync(string accountId, CancellationToken cancellationToken)
    {
        var path = $"accounts/{CloudflareIds.Account(accountId)}/members";
        var members = await transport.ListAllAsync<MemberWire>(path, [], CloudflarePageSizes.Accounts, m => m.Id, cancellationToken)
            .ConfigureAwait(false);
        return members.Select(m => m.ToMember()).ToList();
    }
}
