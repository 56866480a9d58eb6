namespace DockFlare.CloudflareEmulator.State;

/// <summary>
/// The whole emulated state. Every endpoint reads and changes it under <see cref="Gate"/>, so each API call
/// is atomic, as Cloudflare's are from a client's point of view.
/// </summary>
internal sealed class EmulatorStore(TimeProvider clock)
{
    public Lock Gate { get; } = new();

    public TimeProvider Clock { get; } = clock;

    public Dictionary<string, AccountState> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ZoneState> Zones { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DnsRecordState> DnsRecords { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TunnelState> Tunnels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, AccessObjectState> Apps { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reusable and app-scoped policies (<see cref="AccessObjectState.AppId"/> tells them apart).</summary>
    public Dictionary<string, AccessObjectState> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, AccessObjectState> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, AccessObjectState> IdentityProviders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ServiceTokenState> ServiceTokens { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, TokenState> Tokens { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public IEnumerable<ZoneState> ZonesOf(string accountId) => Zones.Values.Where(z => z.AccountId == accountId);
}
