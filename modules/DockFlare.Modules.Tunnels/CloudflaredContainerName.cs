using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Derives the local cloudflared container name from a tunnel name (B35). The Cloudflare-side tunnel keeps
/// the user's text; only the container name is normalised.
/// </summary>
/// <remarks>
/// The result is <c>cloudflared-&lt;slug&gt;-&lt;hash&gt;</c>: the slug is the name folded to
/// <c>[a-z0-9_.-]</c> (accents dropped, every other run of characters becomes one <c>-</c>), cut to keep the whole
/// name within 63 characters; the hash is the first 8 hex digits of the SHA-256 of the original name, so that
/// names which fold to the same slug (<c>home lab</c>, <c>home_lab</c>) still get different containers.
/// </remarks>
internal static class CloudflaredContainerName
{
    /// <summary>The longest name produced.</summary>
    public const int MaxLength = 63;

    private const string Prefix = "cloudflared-";
    private const int HashLength = 8;
    private const int MaxSlugLength = MaxLength - 12 - 1 - HashLength; // 12 = "cloudflared-".Length

    /// <summary>The container name for the tunnel named <paramref name="tunnelName"/>.</summary>
    public static string For(string tunnelName)
    {
        ArgumentNullException.ThrowIfNull(tunnelName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tunnelName)))[..HashLength];
        var slug = Slug(tunnelName);
        return slug.Length == 0 ? Prefix + hash : $"{Prefix}{slug}-{hash}";
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(lower);
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxSlugLength)
        {
            slug = slug[..MaxSlugLength];
        }

        return slug.Trim('-', '.', '_');
    }
}
