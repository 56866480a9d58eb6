namespace DockFlare.Core.Reconciliation;

/// <summary>A zone of the Cloudflare account.</summary>
/// <param name="Id">The zone id.</param>
/// <param name="Name">The zone name (lower case, punycode), for example <c>example.com</c>.</param>
public sealed record KnownZone(string Id, string Name);
