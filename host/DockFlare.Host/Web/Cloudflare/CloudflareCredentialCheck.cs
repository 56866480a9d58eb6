using System.Text.RegularExpressions;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Host.Web.Cloudflare;

/// <summary>
/// Checks an account id and API token typed into the setup or settings page: their form first, then live with
/// Cloudflare (the Cloudflare plugin's token verification, against <c>CF_API_BASE_URL</c> when that is set), and stores
/// them only when Cloudflare says the token is active.
/// </summary>
internal sealed partial class CloudflareCredentialCheck(
    CloudflareCredentialStore store, IEnumerable<ICloudflareTokenVerifier> verifiers, ILogger<CloudflareCredentialCheck> log)
{
    public const int MaxTokenLength = 512;

    /// <returns>Null when the credentials were verified and saved, otherwise what is wrong, as one sentence.</returns>
    public async Task<string?> VerifyAndSaveAsync(string? accountId, string? token, string by, CancellationToken cancellationToken)
    {
        var (credentials, problem) = Parse(accountId, token);
        if (credentials is null)
        {
            return problem;
        }

        if (verifiers.LastOrDefault() is not { } verifier)
        {
            return "The Cloudflare plugin is not loaded, so the token cannot be checked: see /readyz for why.";
        }

        TokenVerification verification;
        try
        {
            verification = await verifier.VerifyAsync(credentials.Token, credentials.AccountId, cancellationToken);
        }
        catch (Exception ex) when (ex is CloudflareApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"Cloudflare could not be reached to check the token ({ex.Message}); nothing was saved. Try again.";
        }

        if (!verification.IsActive)
        {
            log.LogWarning("{User} entered a Cloudflare API token that Cloudflare refused: {Status}", by, verification.Status);
            return $"Cloudflare does not accept this token: {verification.Status}. Nothing was saved.";
        }

        await store.SaveAsync(credentials, cancellationToken);
        log.LogWarning("{User} saved Cloudflare credentials for account {AccountId} (token {TokenId}); they take effect at the next start",
            by, credentials.AccountId, verification.TokenId ?? "of unknown id");
        return null;
    }

    /// <returns>The trimmed credentials, or what is wrong with their form.</returns>
    public static (CloudflareCredentials? Credentials, string? Problem) Parse(string? accountId, string? token)
    {
        var account = accountId?.Trim().ToLowerInvariant() ?? "";
        var secret = token?.Trim() ?? "";
        if (!AccountIdPattern().IsMatch(account))
        {
            return (null, "The account id must be the 32 hexadecimal characters shown as Account ID on the account's overview page in the Cloudflare dashboard.");
        }

        if (secret.Length == 0 || secret.Length > MaxTokenLength || secret.Any(char.IsWhiteSpace))
        {
            return (null, $"The API token must be the token Cloudflare showed when it was created: 1 to {MaxTokenLength} characters without spaces.");
        }

        return (new CloudflareCredentials(account, secret), null);
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
