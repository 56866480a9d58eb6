namespace DockFlare.Core.Planning;

/// <summary>The kinds of Cloudflare objects DockFlare records as its own.</summary>
public enum OwnedObjectKind
{
    /// <summary>One rule (hostname and path) in a tunnel's ingress document.</summary>
    IngressRule,

    /// <summary>A DNS record, by its Cloudflare record id.</summary>
    DnsRecord,

    /// <summary>An Access application, by its Cloudflare application id.</summary>
    AccessApplication,
}
