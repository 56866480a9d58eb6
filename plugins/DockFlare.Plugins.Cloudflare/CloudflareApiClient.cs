using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>Calls Cloudflare API v4. This scope is token verification; later issues add the rest.</summary>
internal sealed class CloudflareApiClient(IHttpClientFactory httpClientFactory) : ICloudflareTokenVerifier
{
    public const string HttpClientName = "cloudflare";

    public async Task<TokenVerification> VerifyAsync(string token, string? accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);

        // Account-owned tokens fail on /user/tokens/verify with code 1000; they have their own endpoint.
        string path;
        if (token.StartsWith("cfat_", StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(accountId))
            {
                return new TokenVerification(false, null, $"an account-owned (cfat_) token needs {CloudflareSettings.AccountSetting}");
            }

            path = $"accounts/{Uri.EscapeDataString(accountId)}/tokens/verify";
        }
        else
        {
            path = "user/tokens/verify";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var envelope = await ReadEnvelope(response, cancellationToken).ConfigureAwait(false);
        if (envelope is { Success: true, Result.ValueKind: JsonValueKind.Object })
        {
            var status = envelope.Result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
            var id = envelope.Result.TryGetProperty("id", out var i) ? i.GetString() : null;
            return new TokenVerification(string.Equals(status, "active", StringComparison.Ordinal), id, status);
        }

        var errors = envelope?.Errors is { Count: > 0 } list
            ? string.Join("; ", list.Select(e => $"{e.Code} {e.Message}"))
            : $"HTTP {(int)response.StatusCode}";
        return new TokenVerification(false, null, errors);
    }

    private static async Task<CloudflareEnvelope?> ReadEnvelope(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<CloudflareEnvelope>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
