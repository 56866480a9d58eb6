using DockFlare.Core.Access;

namespace DockFlare.Core.Planning;

/// <summary>An Access application as read from Cloudflare, reduced to what the planner compares.</summary>
/// <param name="Id">The Cloudflare application id.</param>
/// <param name="Domain">The protected <c>host[/path]</c>.</param>
/// <param name="Name">The application name.</param>
public sealed record ObservedAccessApp(string Id, string Domain, string Name)
{
    /// <summary>
    /// What the live application enforces, expressed as the intent that would produce it (the
    /// Access module reads it back from the app and its policies). Null when it cannot be
    /// expressed, which the planner treats as "differs" for an owned app, so drift is repaired.
    /// </summary>
    public AccessIntent? AppliedIntent { get; init; }
}
