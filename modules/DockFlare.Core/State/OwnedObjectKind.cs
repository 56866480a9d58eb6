namespace DockFlare.Core.State;

/// <summary>The kinds of Cloudflare object DockFlare creates and therefore owns.</summary>
public enum OwnedObjectKind
{
    /// <summary>A DNS record (the CNAME of a hostname).</summary>
    DnsRecord,

    /// <summary>An Access application.</summary>
    AccessApp,

    /// <summary>A reusable Access policy.</summary>
    AccessPolicy,

    /// <summary>A tunnel.</summary>
    Tunnel,

    /// <summary>An ingress rule inside a tunnel's configuration (its id is the hostname and path).</summary>
    IngressRule,
}
