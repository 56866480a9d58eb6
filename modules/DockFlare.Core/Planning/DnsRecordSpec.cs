namespace DockFlare.Core.Planning;

/// <summary>The DNS record DockFlare wants: always a proxied CNAME to the tunnel, with the ownership marker.</summary>
/// <param name="Zone">The zone name.</param>
/// <param name="Name">The hostname.</param>
/// <param name="Content">The CNAME target, <c>&lt;tunnel id&gt;.cfargotunnel.com</c>.</param>
/// <param name="Comment">The ownership marker (<see cref="DnsOwnershipMarker.Format"/>).</param>
public sealed record DnsRecordSpec(string Zone, string Name, string Content, string Comment)
{
    /// <summary>The record type; always <c>CNAME</c>.</summary>
    public string Type { get; } = "CNAME";

    /// <summary>Whether the record is proxied; always true (a tunnel is reachable only through the proxy).</summary>
    public bool Proxied { get; } = true;

    /// <summary>Whether <paramref name="record"/> already is exactly this record (name and target compared case-insensitively).</summary>
    public bool IsSatisfiedBy(ObservedDnsRecord record) =>
        string.Equals(record.Type, Type, StringComparison.OrdinalIgnoreCase)
        && string.Equals(record.Name, Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(record.Content.TrimEnd('.'), Content, StringComparison.OrdinalIgnoreCase)
        && record.Proxied == Proxied
        && string.Equals(record.Comment, Comment, StringComparison.Ordinal);
}
