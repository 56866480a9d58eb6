namespace DockFlare.Core.Planning;

/// <summary>A DNS record as read from Cloudflare, reduced to what the planner compares.</summary>
/// <param name="Id">The Cloudflare record id.</param>
/// <param name="Zone">The zone name the record is in.</param>
/// <param name="Name">The full record name (punycode).</param>
/// <param name="Type">The record type: <c>CNAME</c>, <c>A</c>, <c>AAAA</c>, <c>TXT</c>, ...</param>
/// <param name="Content">The record content (for a CNAME, the target host name).</param>
/// <param name="Proxied">Whether the record is proxied.</param>
/// <param name="Comment">The record comment, where the <see cref="DnsOwnershipMarker"/> lives.</param>
public sealed record ObservedDnsRecord(string Id, string Zone, string Name, string Type, string Content, bool Proxied, string? Comment);
