using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DockFlare.Core.State;

namespace DockFlare.Modules.Auth.Tokens;

/// <summary>
/// API tokens for automation: <c>dft_&lt;id&gt;_&lt;secret&gt;</c>, shown once at creation and stored as a SHA-256 hash
/// (one setting each, <c>auth.token.&lt;id&gt;</c>). The id finds the record; the hash is compared in constant time.
/// </summary>
public sealed partial class ApiTokenStore(IStateStore store, TimeProvider time)
{
    public const string SettingPrefix = "auth.token.";
    public const string TokenPrefix = "dft_";
    public const int MaxNameLength = 80;

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Creates a token.</summary>
    /// <returns>The stored record and the token, which is never available again.</returns>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public async Task<(ApiToken Record, string Token)> CreateAsync(string name, ApiTokenScope scope, string createdBy, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A token name has 1 to {MaxNameLength} characters.", nameof(name));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = $"{TokenPrefix}{id}_{System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var record = new ApiToken(id, trimmed, scope, ApiKeyHash.ToHex(ApiKeyHash.Compute(token)), createdBy, time.GetUtcNow(), null, null);
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return (record, token);
    }

    /// <summary>Every token, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListSettingsAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Key.StartsWith(SettingPrefix, StringComparison.Ordinal))
            .Select(Read)
            .OrderByDescending(t => t.CreatedAt)];

    /// <summary>Revokes a token; it authenticates nothing from now on.</summary>
    /// <returns>Whether a token with that id exists.</returns>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var record = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return false;
        }

        if (!record.IsRevoked)
        {
            await SaveAsync(record with { RevokedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The token's record when <paramref name="presented"/> is a valid, unrevoked token; notes its use.</summary>
    public async Task<ApiToken?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var match = TokenPattern().Match(presented);
        if (!match.Success)
        {
            return null;
        }

        var record = await FindAsync(match.Groups["id"].Value, cancellationToken).ConfigureAwait(false);
        if (record is null || record.IsRevoked || !ApiKeyHash.TryFromHex(record.SecretHash, out var hash) || !ApiKeyHash.Matches(presented, hash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (record.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            record = record with { LastUsedAt = now };
            await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>Whether <paramref name="presented"/> has the shape of an API token (so a wrong one is not tried as the API key).</summary>
    public static bool LooksLikeToken(string presented) => presented.StartsWith(TokenPrefix, StringComparison.Ordinal);

    private async Task<ApiToken?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var setting = await store.GetSettingAsync(SettingPrefix + id, cancellationToken).ConfigureAwait(false);
        return setting is null ? null : Read(setting);
    }

    private Task SaveAsync(ApiToken record, CancellationToken cancellationToken) =>
        store.SetSettingAsync(new SettingEntry(SettingPrefix + record.Id, JsonSerializer.Serialize(record, Json), IsJson: true), cancellationToken);

    private static ApiToken Read(SettingEntry setting)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiToken>(setting.Value, Json)
                   ?? throw new StateCorruptedException($"The stored API token {setting.Key} is empty.");
        }
        catch (JsonException ex)
        {
            throw new StateCorruptedException($"The stored API token {setting.Key} is not readable: {ex.Message}");
        }
    }

    [GeneratedRegex("^dft_(?<id>[0-9a-f]{12})_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();
}
