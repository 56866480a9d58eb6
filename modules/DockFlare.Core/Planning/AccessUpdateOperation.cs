using DockFlare.Core.Access;

namespace DockFlare.Core.Planning;

/// <summary>Change an Access application DockFlare owns so that it implements a new intent.</summary>
/// <param name="Before">The live application; its id is the one to update.</param>
/// <param name="After">The intent it must implement.</param>
/// <param name="Cause">The routes behind it.</param>
public sealed record AccessUpdateOperation(ObservedAccessApp Before, AccessIntent After, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"update Access app {Before.Id} for {After.Domain} ({After.Mode}): {Cause}";
}
