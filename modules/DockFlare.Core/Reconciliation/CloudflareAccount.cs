namespace DockFlare.Core.Reconciliation;

/// <summary>The Cloudflare account DockFlare works in (<c>CF_ACCOUNT_ID</c>, or the sandbox's account).</summary>
/// <param name="AccountId">The account id, or null when Cloudflare is not configured (nothing is reconciled then).</param>
/// <param name="IsSandbox">Whether the account is the in-process emulator: nothing reaches the real Cloudflare.</param>
public sealed record CloudflareAccount(string? AccountId, bool IsSandbox)
{
    /// <summary>Whether an account is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountId);

    /// <summary>The account id, or an exception that says how to configure it.</summary>
    public string RequireId() => IsConfigured
        ? AccountId!
        : throw new ReconcileException("Cloudflare is not configured: set CF_API_TOKEN and CF_ACCOUNT_ID, or start with --sandbox.");
}
