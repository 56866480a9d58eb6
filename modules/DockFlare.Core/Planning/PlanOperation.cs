using System.Text.Json.Serialization;

namespace DockFlare.Core.Planning;

/// <summary>
/// One write the applier performs. Every operation is a value: it carries the before and after
/// values the change log records, and its <see cref="Cause"/>.
/// </summary>
/// <remarks>Serialised with an <c>op</c> discriminator, so the dry run (<c>GET /api/v2/plan</c>) can return a plan as is.</remarks>
/// <param name="Cause">Why it is needed.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(AccessCreateOperation), "access-create")]
[JsonDerivedType(typeof(AccessUpdateOperation), "access-update")]
[JsonDerivedType(typeof(AccessDeleteOperation), "access-delete")]
[JsonDerivedType(typeof(IngressPutOperation), "ingress-put")]
[JsonDerivedType(typeof(DnsCreateOperation), "dns-create")]
[JsonDerivedType(typeof(DnsUpdateOperation), "dns-update")]
[JsonDerivedType(typeof(DnsDeleteOperation), "dns-delete")]
public abstract record PlanOperation(PlanCause Cause)
{
    /// <summary>A one-line description for logs and the dry run.</summary>
    public abstract string Describe();
}
