namespace DockFlare.Core.Engine;

/// <summary>Where one published hostname lives: the zone of its DNS record and the tunnel it points at.</summary>
/// <param name="Hostname">The normalised hostname.</param>
/// <param name="Zone">The zone name; null when zones were not given (linter only).</param>
/// <param name="Tunnel">The tunnel the CNAME points at.</param>
/// <param name="PendingDeletion">True when every route of the hostname belongs to a stopped container.</param>
public sealed record HostnameAssignment(string Hostname, string? Zone, string Tunnel, bool PendingDeletion);
