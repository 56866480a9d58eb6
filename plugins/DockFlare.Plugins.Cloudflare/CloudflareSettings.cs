using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// The provider's settings, from <c>CF_API_BASE_URL</c>, <c>CF_API_TOKEN</c> and <c>CF_ACCOUNT_ID</c>, plus
/// optional tuning (<c>CF_API_REQUESTS_PER_WINDOW</c>, <c>CF_API_REQUEST_WINDOW_SECONDS</c>,
/// <c>CF_API_MAX_RETRIES</c>, <c>CF_API_RETRY_BASE_DELAY_MS</c>, <c>CF_API_ATTEMPT_TIMEOUT_SECONDS</c>,
/// <c>CF_API_MAX_RETRY_AFTER_SECONDS</c>, <c>CF_API_BUDGET_MAX_WAIT_SECONDS</c>).
/// </summary>
internal sealed record CloudflareSettings(Uri ApiBaseUrl, string? ApiToken, string? AccountId)
{
    public const string BaseUrlSetting = "CF_API_BASE_URL";
    public const string TokenSetting = "CF_API_TOKEN";
    public const string AccountSetting = "CF_ACCOUNT_ID";
    public const string RequestsPerWindowSetting = "CF_API_REQUESTS_PER_WINDOW";
    public const string WindowSecondsSetting = "CF_API_REQUEST_WINDOW_SECONDS";
    public const string MaxRetriesSetting = "CF_API_MAX_RETRIES";
    public const string RetryBaseDelaySetting = "CF_API_RETRY_BASE_DELAY_MS";
    public const string AttemptTimeoutSetting = "CF_API_ATTEMPT_TIMEOUT_SECONDS";
    public const string MaxRetryAfterSetting = "CF_API_MAX_RETRY_AFTER_SECONDS";
    public const string BudgetMaxWaitSetting = "CF_API_BUDGET_MAX_WAIT_SECONDS";
    public static readonly Uri DefaultBaseUrl = new("https://api.cloudflare.com/client/v4/");

    /// <summary>Requests allowed per window: Cloudflare's account limit is 1,200 per 5 minutes.</summary>
    public int RequestsPerWindow { get; init; } = 1200;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt, for transient failures only.</summary>
    public int MaxRetries { get; init; } = 4;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A 429 asking to wait longer than this is not retried in-line: the caller gets it with its Retry-After.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a request may wait for the client-side budget before failing as rate limited.</summary>
    public TimeSpan BudgetMaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Covers every attempt, the backoff between them and a honoured Retry-After.</summary>
    public TimeSpan TotalTimeout =>
        (AttemptTimeout * (MaxRetries + 1)) + (MaxRetryAfter * MaxRetries) + TimeSpan.FromSeconds(5);

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
        if (account is not null && !CloudflareIds.IsHexId(account))
        {
            throw new ArgumentException($"{AccountSetting} must be 32 lower-case hexadecimal characters.", nameof(configuration));
        }

        return new CloudflareSettings(baseUrl, Blank(configuration[TokenSetting]), account)
        {
            RequestsPerWindow = Number(configuration, RequestsPerWindowSetting, 1200, min: 1),
            Window = TimeSpan.FromSeconds(Number(configuration, WindowSecondsSetting, 300, min: 1)),
            MaxRetries = Number(configuration, MaxRetriesSetting, 4, min: 0),
            RetryBaseDelay = TimeSpan.FromMilliseconds(Number(configuration, RetryBaseDelaySetting, 1000, min: 1)),
            AttemptTimeout = TimeSpan.FromSeconds(Number(configuration, AttemptTimeoutSetting, 30, min: 1)),
            MaxRetryAfter = TimeSpan.FromSeconds(Number(configuration, MaxRetryAfterSetting, 60, min: 0)),
            BudgetMaxWait = TimeSpan.FromSeconds(Number(configuration, BudgetMaxWaitSetting, 120, min: 0)),
        };
    }

    // Never print the token: records generate ToString from every member.
    public override string ToString() =>
        $"CloudflareSettings {{ ApiBaseUrl = {ApiBaseUrl}, ApiToken = {(ApiToken is null ? "unset" : "set")}, AccountId = {AccountId ?? "unset"} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Number(IConfiguration configuration, string key, int fallback, int min)
    {
        var text = Blank(configuration[key]);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ArgumentException($"{key} must be a whole number of at least {min}.", nameof(configuration));
        }

        return value;
    }
}
