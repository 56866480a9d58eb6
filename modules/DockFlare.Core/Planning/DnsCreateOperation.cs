namespace DockFlare.Core.Planning;

/// <summary>Create a DNS record. After success the applier records <see cref="OwnershipRecord.ForDnsRecord"/> with the new id.</summary>
/// <param name="After">The record to create.</param>
/// <param name="Cause">The routes that need the hostname.</param>
public sealed record DnsCreateOperation(DnsRecordSpec After, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"create DNS {After.Type} {After.Name} → {After.Content} in zone {After.Zone}: {Cause}";
}
