namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// The client-side request budget shared by every caller in the process, which keeps DockFlare under
/// Cloudflare's account limit. Deletions and Access changes may use a reserve that other requests cannot.
/// </summary>
public interface ICloudflareRequestBudget
{
    /// <summary>The budget now.</summary>
    CloudflareRequestBudgetSnapshot GetSnapshot();
}
