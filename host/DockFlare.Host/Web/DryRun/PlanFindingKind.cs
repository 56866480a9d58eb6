namespace DockFlare.Host.Web.DryRun;

/// <summary>What sort of item of the plan page's "drift and conflicts" list a finding is; it decides the actions offered.</summary>
internal enum PlanFindingKind
{
    /// <summary>An object DockFlare did not create stands in a route's way; the route is not published. Adopt is offered.</summary>
    Conflict,

    /// <summary>An object DockFlare did not create already is what the route wants; it is left alone. Adopt is offered.</summary>
    Unmanaged,

    /// <summary>An object DockFlare owns differs from the desired value; applying the plan overwrites it.</summary>
    Drift,

    /// <summary>Any other finding of the planner (unknown tunnel, missing Access group, held objects).</summary>
    Note,
}
