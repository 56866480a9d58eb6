namespace DockFlare.Plugins.Abstractions;

/// <summary>Checks that a Cloudflare API token is valid and active.</summary>
public interface ICloudflareTokenVerifier
{
    /// <summary>
    /// Verifies <paramref name="token"/>. Account-owned tokens (<c>cfat_</c>) are verified against
    /// <paramref name="accountId"/>, which they require.
    /// </summary>
    Task<TokenVerification> VerifyAsync(string token, string? accountId, CancellationToken cancellationToken);
}
