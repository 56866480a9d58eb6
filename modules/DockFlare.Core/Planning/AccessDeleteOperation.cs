namespace DockFlare.Core.Planning;

/// <summary>Delete an Access application DockFlare owns and no remaining route needs. The applier then drops its ownership record.</summary>
/// <param name="Before">The live application.</param>
/// <param name="Cause">Why it goes.</param>
public sealed record AccessDeleteOperation(ObservedAccessApp Before, PlanCause Cause) : PlanOperation(Cause)
{
    /// <inheritdoc />
    public override string Describe() => $"delete Access app {Before.Id} for {Before.Domain}: {Cause}";
}
