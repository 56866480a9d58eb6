using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary>
/// The adopt action behind <c>POST /api/v2/adopt</c> and the plan page's Adopt button: checks the input the same
/// way for both, then asks the reconciler to take ownership of what stands in the route's way.
/// </summary>
internal sealed class RouteAdopter(IReconciler reconciler)
{
    /// <param name="hostname">The hostname of a desired route.</param>
    /// <param name="path">The route's path as emitted; empty or null for the whole host.</param>
    /// <param name="by">Who asked, for the change log (<c>api</c>, <c>admin in the ui</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AdoptResult> AdoptAsync(string? hostname, string? path, string by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(hostname))
        {
            return AdoptResult.Refused(StatusCodes.Status400BadRequest, "invalid_request", "'hostname' is required: the hostname of the route to adopt.");
        }

        if ((ManualRuleLimits.LengthProblem("hostname", hostname, ManualRuleLimits.MaxHostnameLength)
             ?? ManualRuleLimits.LengthProblem("path", path, ManualRuleLimits.MaxPathLength)) is { } tooLong)
        {
            return AdoptResult.Refused(StatusCodes.Status400BadRequest, "field_too_long", tooLong);
        }

        try
        {
            return AdoptResult.Done(await reconciler.AdoptAsync(hostname.Trim(), string.IsNullOrEmpty(path) ? null : path, by, cancellationToken));
        }
        catch (ReconcileException exception)
        {
            return AdoptResult.Refused(StatusCodes.Status422UnprocessableEntity, "adopt_failed", exception.Message);
        }
    }
}
