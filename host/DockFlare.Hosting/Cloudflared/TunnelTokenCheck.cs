using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// Checks a connector token before a container is created with it (B33): cloudflared's format is base64 of a JSON
/// object with <c>a</c> (account), <c>t</c> (tunnel id) and <c>s</c> (secret), and <c>t</c> must be the intended tunnel.
/// </summary>
/// <remarks>
/// A whole API envelope (<c>{"success":true,"result":"..."}</c>) handed over by mistake does not decode and is refused
/// here; unwrapping such answers is the Cloudflare provider's job. Messages never contain the token.
/// </remarks>
internal static class TunnelTokenCheck
{
    /// <summary>Returns the raw token to hand to cloudflared (trimmed), or throws why it cannot be used.</summary>
    /// <exception cref="InvalidTunnelTokenException">The token is empty, does not decode or names another tunnel.</exception>
    public static string Check(string? token, string tunnelId)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidTunnelTokenException($"the tunnel token for tunnel {tunnelId} is empty");
        }

        var parsed = new TunnelToken(token);
        if (parsed.TryDecode() is not { } content)
        {
            throw new InvalidTunnelTokenException(
                $"the tunnel token for tunnel {tunnelId} is not a cloudflared token (base64 of a JSON object with the fields a, t and s); cloudflared would reject it, so no container is created");
        }

        if (!string.Equals(content.TunnelId, tunnelId, StringComparison.OrdinalIgnoreCase))
        {
            // Only a well-formed id is repeated: the field of a malformed token is not shown.
            var named = Guid.TryParse(content.TunnelId, out _) ? $"tunnel {content.TunnelId}" : "something that is not a tunnel id";
            throw new InvalidTunnelTokenException(
                $"the tunnel token names {named}, not the intended tunnel {tunnelId}; no container is created");
        }

        return parsed.Value;
    }
}
