namespace DockFlare.Core.Planning;

/// <summary>Overwrite a DNS record DockFlare owns (wrong target, not proxied, marker missing).</summary>
/// <param name="Before">The live record; its id is the one to update.</param>
/// <param name="After">The record it becomes.</param>
/// <param name="Cause">The routes that need the hostname.</param>
public sealed record DnsUpdateOperation(ObservedDnsRecord Before, DnsRecordSpec After, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"update DNS {Before.Name} ({Before.Type} {Before.Content} → {After.Type} {After.Content}) in zone {After.Zone}: {Cause}";
}
