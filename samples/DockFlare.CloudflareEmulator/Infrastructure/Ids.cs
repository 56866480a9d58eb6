using System.Security.Cryptography;
using System.Text;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Cloudflare id formats: 32 lower-case hex (accounts, zones, records) and UUIDs (tunnels, Access).</summary>
internal static class Ids
{
    public static string NewHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewUuid() => Guid.NewGuid().ToString("D");

    public static string NewHex64() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A stable id from a name, so a standalone emulator prints the same ids on every start.</summary>
    public static string StableHex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];

    public static bool IsHex(string? value) =>
        value is { Length: 32 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);
}
