using System.Security.Cryptography;
using System.Text;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Agent key secrets: <c>dfa_&lt;keyId&gt;_&lt;64 hex&gt;</c>. The key id (12 hex) finds the record; the
/// secret is compared as a SHA-256 hash in constant time. 256 random bits need no slow hash.
/// </summary>
internal static class AgentKeyFormat
{
    private const string Prefix = "dfa_";

    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static string NewSecret(string keyId) => Prefix + keyId + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static bool TryGetKeyId(string? secret, out string keyId)
    {
        keyId = "";
        if (secret is null || secret.Length > 200 || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = secret.IndexOf('_', Prefix.Length);
        if (end <= Prefix.Length || end == secret.Length - 1)
        {
            return false;
        }

        keyId = secret[Prefix.Length..end];
        return keyId.All(char.IsAsciiHexDigitLower);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), Convert.FromHexString(storedHash));
}
