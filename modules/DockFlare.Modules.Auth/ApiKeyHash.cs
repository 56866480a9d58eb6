using System.Security.Cryptography;
using System.Text;

namespace DockFlare.Modules.Auth;

/// <summary>SHA-256 of an API key, and a constant-time comparison against a stored hash.</summary>
internal static class ApiKeyHash
{
    public static byte[] Compute(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="expectedHash"/>; the time taken does not depend on where they differ.</summary>
    public static bool Matches(string presented, ReadOnlySpan<byte> expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Compute(presented), expectedHash);

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    public static bool TryFromHex(string? text, out byte[] hash)
    {
        hash = [];
        if (text is null || text.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        try
        {
            hash = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
