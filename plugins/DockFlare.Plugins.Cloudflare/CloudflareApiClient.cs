using System.Text.Json;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Verifies API tokens. User tokens use <c>/user/tokens/verify</c>; account-owned tokens (<c>cfat_</c>)
/// use <c>/accounts/{id}/tokens/verify</c>, and a user-endpoint answer of 1000 falls back to the account
/// endpoint when an account is known, because some account tokens carry no prefix (case B31).
/// </summary>
internal sealed class CloudflareApiClient(CloudflareTransport transport) : ICloudflareTokenVerifier
{
    public async Task<TokenVerification> VerifyAsync(string token, string? accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var accountKnown = CloudflareIds.IsHexId(accountId);
        if (token.StartsWith("cfat_", StringComparison.Ordinal))
        {
            return accountKnown
                ? await Verify($"accounts/{accountId}/tokens/verify", token, cancellationToken).ConfigureAwait(false)
                : new TokenVerification(false, null, $"an account-owned (cfat_) token needs {CloudflareSettings.AccountSetting}");
        }

        var user = await Verify("user/tokens/verify", token, cancellationToken).ConfigureAwait(false);
        if (!user.IsActive && accountKnown && user.Status.StartsWith("1000 ", StringComparison.Ordinal))
        {
            var account = await Verify($"accounts/{accountId}/tokens/verify", token, cancellationToken).ConfigureAwait(false);
            if (account.IsActive)
            {
                return account;
            }
        }

        return user;
    }

    /// <exception cref="CloudflareApiException">Cloudflare did not answer (transient); an answer is never thrown.</exception>
    private async Task<TokenVerification> Verify(string path, string token, CancellationToken cancellationToken)
    {
        var response = await transport.SendRawAsync(HttpMethod.Get, path, null, cancellationToken, token).ConfigureAwait(false);
        try
        {
            var envelope = CloudflareResponseReader.ReadEnvelope(HttpMethod.Get, path, response);
            var result = envelope.Result;
            var status = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
            var id = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("id", out var i) ? i.GetString() : null;
            return new TokenVerification(string.Equals(status, "active", StringComparison.Ordinal), id, status);
        }
        catch (CloudflareApiException ex) when (!ex.IsTransient)
        {
            var errors = ex.Errors.Count > 0
                ? string.Join("; ", ex.Errors.Select(e => $"{e.Code} {e.Message}"))
                : $"HTTP {ex.StatusCode}";
            return new TokenVerification(false, null, errors);
        }
    }
}
