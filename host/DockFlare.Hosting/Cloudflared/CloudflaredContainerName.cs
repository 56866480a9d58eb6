using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// Derives cloudflared container names: the master's from its tunnel name (B35), an agent's from its agent id. The
/// Cloudflare-side tunnel keeps the user's text; only the container name is normalised.
/// </summary>
/// <remarks>
/// <see cref="For"/> gives <c>cloudflared-&lt;slug&gt;-&lt;hash&gt;</c>: the slug is the name folded to
/// <c>[a-z0-9_.-]</c> (accents dropped, every other run of characters becomes one <c>-</c>), cut to keep the whole
/// name within 63 characters; the hash is the first 8 hex digits of the SHA-256 of the original name, so that
/// names which fold to the same slug (<c>home lab</c>, <c>home_lab</c>) still get different containers.
/// <para>
/// <see cref="ForAgent"/> gives <c>cloudflared-agent-&lt;id&gt;</c> when the id is already a valid lower-case name part
/// (agent ids are UUIDs), else <c>cloudflared-agent-&lt;slug&gt;-&lt;hash&gt;</c>, so that two agents on one engine never share a name.
/// </para>
/// <para>
/// Each derived name is the first of two slots; <see cref="Alternate"/> is the second (<c>&lt;name&gt;-b</c>). A replacement
/// is created in whichever slot is free, so that the old container keeps running until the new one runs (B29); the
/// running container therefore alternates between the two names from one replacement to the next.
/// </para>
/// </remarks>
internal static class CloudflaredContainerName
{
    /// <summary>The longest name produced.</summary>
    public const int MaxLength = 63;

    /// <summary>What <see cref="Alternate"/> appends.</summary>
    public const string AlternateSuffix = "-b";

    private const string Prefix = "cloudflared-";
    private const string AgentPrefix = "cloudflared-agent-";
    private const int HashLength = 8;
    private const int MaxSlugLength = MaxLength - 12 - 1 - HashLength; // 12 = "cloudflared-".Length

    /// <summary>The container name for the tunnel named <paramref name="tunnelName"/>.</summary>
    public static string For(string tunnelName)
    {
        ArgumentNullException.ThrowIfNull(tunnelName);
        var hash = Hash(tunnelName);
        var slug = Slug(tunnelName, MaxSlugLength);
        return slug.Length == 0 ? Prefix + hash : $"{Prefix}{slug}-{hash}";
    }

    /// <summary>The container name for the agent <paramref name="agentId"/>.</summary>
    public static string ForAgent(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var plain = Slug(agentId, MaxLength - AgentPrefix.Length);
        if (plain.Length > 0 && string.Equals(plain, agentId, StringComparison.Ordinal))
        {
            return AgentPrefix + plain;
        }

        var slug = Slug(agentId, MaxLength - AgentPrefix.Length - 1 - HashLength);
        return slug.Length == 0 ? AgentPrefix + Hash(agentId) : $"{AgentPrefix}{slug}-{Hash(agentId)}";
    }

    /// <summary>The second slot of <paramref name="name"/>, where a replacement goes while the first one still runs.</summary>
    public static string Alternate(string name) => name + AlternateSuffix;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];

    private static string Slug(string text, int maxLength)
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
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
        }

        return slug.Trim('-', '.', '_');
    }
}
