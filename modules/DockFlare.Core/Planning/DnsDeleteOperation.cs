namespace DockFlare.Core.Planning;

/// <summary>Delete a DNS record DockFlare owns and no remaining route uses. The applier then drops its ownership record.</summary>
/// <param name="Before">The live record.</param>
/// <param name="Cause">Why it goes.</param>
public sealed record DnsDeleteOperation(ObservedDnsRecord Before, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"delete DNS {Before.Type} {Before.Name} in zone {Before.Zone}: {Cause}";
}
