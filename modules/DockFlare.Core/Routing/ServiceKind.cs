namespace DockFlare.Core.Routing;

/// <summary>The kind of origin service a route points at.</summary>
public enum ServiceKind
{
    /// <summary><c>http://host[:port]</c>.</summary>
    Http,

    /// <summary><c>https://host[:port]</c>.</summary>
    Https,

    /// <summary><c>tcp://host:port</c>.</summary>
    Tcp,

    /// <summary><c>ssh://host:port</c>.</summary>
    Ssh,

    /// <summary><c>rdp://host:port</c>.</summary>
    Rdp,

    /// <summary><c>unix:/path</c>.</summary>
    Unix,

    /// <summary><c>unix+tls:/path</c>.</summary>
    UnixTls,

    /// <summary><c>http_status:NNN</c>.</summary>
    HttpStatus,

    /// <summary>cloudflared's built-in test server.</summary>
    HelloWorld,

    /// <summary>cloudflared's bastion mode.</summary>
    Bastion,
}
