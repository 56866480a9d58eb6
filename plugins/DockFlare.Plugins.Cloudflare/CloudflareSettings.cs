using Microsoft.Extensions.Configuration;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>The provider's settings, from <c>CF_API_BASE_URL</c>, <c>CF_API_TOKEN</c> and <c>CF_ACCOUNT_ID</c>.</summary>
internal sealed record CloudflareSettings(Uri ApiBaseUrl, string? ApiToken, string? AccountId)
{
    public const string BaseUrlSetting = "CF_API_BASE_URL";
    public const string TokenSetting = "CF_API_TOKEN";
    public const string AccountSetting = "CF_ACCOUNT_ID";
    public static readonly Uri DefaultBaseUrl = new("https://api.cloudflare.com/client/v4/");

    /// <exception cref="ArgumentException">A setting is malformed; the message names it.</exception>
    public static CloudflareSettings FromConfiguration(IConfiguration configuration)
    {
        var baseText = configuration[BaseUrlSetting];
        var baseUrl = DefaultBaseUrl;
        if (!string.IsNullOrWhiteSpace(baseText))
        {
            if (!Uri.TryCreate(baseText.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"{BaseUrlSetting} '{baseText}' is not an http(s) URL.", nameof(configuration));
            }

            // A trailing slash makes relative request paths append to /client/v4 instead of replacing it.
            baseUrl = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        }

        var account = Blank(configuration[AccountSetting]);
        if (account is not null && !IsCloudflareId(account))
        {
            throw new ArgumentException($"{AccountSetting} must be 32 lower-case hexadecimal characters.", nameof(configuration));
        }

        return new CloudflareSettings(baseUrl, Blank(configuration[TokenSetting]), account);
    }

    // Never print the token: records generate ToString from every member.
    public override string ToString() =>
        $"CloudflareSettings {{ ApiBaseUrl = {ApiBaseUrl}, ApiToken = {(ApiToken is null ? "unset" : "set")}, AccountId = {AccountId ?? "unset"} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsCloudflareId(string value) =>
        value.Length == 32 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
