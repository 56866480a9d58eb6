using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;

namespace DockFlare.Host.Web;

/// <summary>
/// The failures a page's change can meet that are not the user's mistake but must still be shown on the page rather
/// than as an error page: Cloudflare cannot be asked (to list tunnels or zones), or other writers kept winning.
/// Pages catch with <c>when (ChangeFailures.Describe(e) is { } message)</c>; anything else stays an error.
/// </summary>
internal static class ChangeFailures
{
    public static string? Describe(Exception exception) => exception switch
    {
        ReconcileException e => $"Cloudflare cannot be asked right now, so nothing was changed: {e.Message}",
        StateConcurrencyException => "The stored data kept changing while this change was applied, so nothing was changed; try again.",
        _ => null,
    };
}
