namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// A Cloudflare API call failed: Cloudflare answered with an error, gave an answer that is not a valid
/// envelope, or did not answer at all (after the client's bounded retries).
/// </summary>
/// <remarks>
/// Branch on the classification helpers, which follow the HTTP status first and Cloudflare's error codes
/// second, never on message text. <see cref="IsNotFound"/> is true only for a definitive answer from
/// Cloudflare: a timeout, a dropped connection or a 5xx is <see cref="IsTransient"/> and never "not found".
/// </remarks>
public sealed class CloudflareApiException : Exception
{
    private static readonly int[] DnsDuplicateCodes = [81053, 81054, 81057, 81058];
    private static readonly int[] DnsIdenticalCodes = [81057, 81058];
    private static readonly int[] AuthenticationCodes = [1000, 1001, 6003, 6100, 6101, 6102, 6103, 6111, 9106];
    private static readonly int[] PermissionCodes = [9109, 10000];

    public CloudflareApiException()
        : this("The Cloudflare API call failed.", statusCode: null)
    {
    }

    public CloudflareApiException(string message)
        : this(message, statusCode: null)
    {
    }

    public CloudflareApiException(string message, Exception innerException)
        : this(message, null, innerException: innerException)
    {
    }

    /// <summary>Creates the exception for one failed call.</summary>
    /// <param name="message">What failed, naming the method and path but never a secret.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> when no response arrived (timeout, connection error).</param>
    /// <param name="errors">The envelope's <c>errors</c>.</param>
    /// <param name="retryAfter">How long Cloudflare asked to wait (429), if it said.</param>
    /// <param name="unexpectedResponse">Whether the response was not a valid Cloudflare envelope or had the wrong content.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CloudflareApiException(
        string message,
        int? statusCode,
        IReadOnlyList<CloudflareError>? errors = null,
        TimeSpan? retryAfter = null,
        bool unexpectedResponse = false,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors ?? [];
        RetryAfter = retryAfter;
        IsUnexpectedResponse = unexpectedResponse;
    }

    /// <summary>The HTTP status, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>Cloudflare's errors, in order.</summary>
    public IReadOnlyList<CloudflareError> Errors { get; }

    /// <summary>How long Cloudflare asked to wait before the next call, when it said (429).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The response was not a Cloudflare envelope, or its content was unusable (such as a token for another tunnel).</summary>
    public bool IsUnexpectedResponse { get; }

    /// <summary>Whether any error carries <paramref name="code"/>.</summary>
    public bool HasCode(int code) => Errors.Any(e => e.Code == code);

    /// <summary>Worth retrying later: no response, a timeout, rate limiting or a server error. Never <see cref="IsNotFound"/>.</summary>
    public bool IsTransient => StatusCode is null or 408 or 429 or >= 500 || HasCode(971);

    /// <summary>Cloudflare definitively said the object does not exist (HTTP 404 with a Cloudflare body, or 81044).</summary>
    public bool IsNotFound => !IsUnexpectedResponse && (StatusCode == 404 || HasCode(81044)) && !IsTransient;

    /// <summary>A DNS record clashes with an existing one at that name (81053, 81054, 81057, 81058).</summary>
    public bool IsDnsDuplicate => DnsDuplicateCodes.Any(HasCode);

    /// <summary>An identical DNS record (same type, name and content) already exists (81057, 81058).</summary>
    public bool IsDnsIdenticalRecord => DnsIdenticalCodes.Any(HasCode);

    /// <summary>A live tunnel with that name already exists (HTTP 409 or 1013). Permanent: never retried.</summary>
    public bool IsTunnelNameConflict => StatusCode == 409 || HasCode(1013);

    /// <summary>A conflict with an existing object (HTTP 409), such as an Access application for a protected domain.</summary>
    public bool IsConflict => StatusCode == 409 || Errors.Any(e => e.Message.Contains("already_exists", StringComparison.Ordinal) || e.Message.Contains("error.conflict", StringComparison.Ordinal));

    /// <summary>The tunnel cannot be deleted while connectors are attached (1022).</summary>
    public bool IsActiveConnections => HasCode(1022);

    /// <summary>Rate limited, by Cloudflare (429, 971) or by the client's own request budget.</summary>
    public bool IsRateLimited => StatusCode == 429 || HasCode(971);

    /// <summary>Zero Trust Access is not enabled on the account (9999, <c>access.api.error.not_enabled</c>).</summary>
    public bool IsAccessNotEnabled =>
        HasCode(9999) || Errors.Any(e => e.Message.StartsWith("access.api.error.not_enabled", StringComparison.Ordinal));

    /// <summary>The credential is missing, malformed or unknown (401, 1000, 6003, 9106).</summary>
    public bool IsAuthenticationError => StatusCode == 401 || AuthenticationCodes.Any(HasCode);

    /// <summary>The credential is valid but lacks the permission or the account (403, 9109, 10000).</summary>
    public bool IsPermissionError => !IsAccessNotEnabled && (StatusCode == 403 || PermissionCodes.Any(HasCode)) && !IsAuthenticationError;

    /// <summary>Cloudflare rejected the request's content (HTTP 400 that is none of the more specific classes).</summary>
    public bool IsValidationError =>
        StatusCode == 400 && !IsDnsDuplicate && !IsActiveConnections && !IsAuthenticationError && !IsPermissionError;
}
