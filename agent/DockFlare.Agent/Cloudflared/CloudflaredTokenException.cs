namespace DockFlare.Agent.Cloudflared;

/// <summary>A tunnel token that cannot be used: not a cloudflared token, or one for another tunnel (B33). Never holds the token.</summary>
internal sealed class CloudflaredTokenException(string message) : Exception(message);
