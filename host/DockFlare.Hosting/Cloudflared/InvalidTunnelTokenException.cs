namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// A tunnel token cloudflared would reject: it does not decode, or it names another tunnel (B33). Nothing was created.
/// The message names the problem and the tunnel ids, never the token.
/// </summary>
internal sealed class InvalidTunnelTokenException : Exception
{
    public InvalidTunnelTokenException()
    {
    }

    public InvalidTunnelTokenException(string message)
        : base(message)
    {
    }

    public InvalidTunnelTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
