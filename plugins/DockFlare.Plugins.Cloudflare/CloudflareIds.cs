namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Checks ids before they go into a URL, so that a missing setting fails loudly instead of producing
/// <c>/accounts/None/...</c> or an empty path segment (case B31).
/// </summary>
internal static class CloudflareIds
{
    public static bool IsHexId(string? value) =>
        value is { Length: 32 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static bool IsUuid(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    /// <exception cref="ArgumentException">The account id is missing or malformed.</exception>
    public static string Account(string? accountId) =>
        IsHexId(accountId)
            ? accountId!
            : throw new ArgumentException(
                $"The Cloudflare account id is not set or is not 32 lower-case hex characters (set {CloudflareSettings.AccountSetting}).",
                nameof(accountId));

    /// <exception cref="ArgumentException">The zone id is missing or malformed.</exception>
    public static string Zone(string? zoneId) =>
        IsHexId(zoneId) ? zoneId! : throw new ArgumentException("The zone id must be 32 lower-case hex characters.", nameof(zoneId));

    /// <exception cref="ArgumentException">The DNS record id is missing or malformed.</exception>
    public static string Record(string? recordId) =>
        IsHexId(recordId) ? recordId! : throw new ArgumentException("The DNS record id must be 32 lower-case hex characters.", nameof(recordId));

    /// <exception cref="ArgumentException">The id is not a UUID (tunnels and every Access object).</exception>
    public static string Uuid(string? id, string what) =>
        IsUuid(id) ? id!.ToLowerInvariant() : throw new ArgumentException($"The {what} id must be a UUID.", what);
}
