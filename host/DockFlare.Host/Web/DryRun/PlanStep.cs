namespace DockFlare.Host.Web.DryRun;

/// <summary>One operation of a plan as the UI shows it: what it does to which object, and the value before and after.</summary>
/// <param name="Operation">The operation's stable name, as in the API's dry run (<c>dns-update</c>).</param>
/// <param name="Action">What it does, in words (<c>update DNS record</c>).</param>
/// <param name="Subject">The object it writes (<c>app.example.com (zone example.com)</c>).</param>
/// <param name="Before">The live value, or null when the object is created.</param>
/// <param name="After">The value written, or null when the object is deleted.</param>
/// <param name="Cause">Why the planner wants it, with the sources involved.</param>
/// <param name="Hostnames">The hostnames it concerns (lower case), so a container's page can find its steps.</param>
/// <param name="ChangesOwnedObject">Whether it changes an object DockFlare already owns to the desired value (drift repair or a changed route).</param>
internal sealed record PlanStep(
    string Operation,
    string Action,
    string Subject,
    string? Before,
    string? After,
    string Cause,
    IReadOnlyList<string> Hostnames,
    bool ChangesOwnedObject)
{
    /// <summary>Whether the step concerns any of <paramref name="hostnames"/>.</summary>
    public bool Concerns(IReadOnlySet<string> hostnames) => Hostnames.Any(hostnames.Contains);
}
