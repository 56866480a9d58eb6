using DockFlare.Core.Access;

namespace DockFlare.Core.Planning;

/// <summary>Create an Access application. After success the applier records <see cref="OwnershipRecord.ForAccessApplication"/> with the new id.</summary>
/// <param name="After">The intent the application must implement.</param>
/// <param name="Cause">The routes behind it.</param>
public sealed record AccessCreateOperation(AccessIntent After, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"create Access app for {After.Domain} ({After.Mode}): {Cause}";
}
