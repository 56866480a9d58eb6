namespace DockFlare.Core.Planning;

/// <summary>What the planner does with one desired route.</summary>
internal enum RouteStatus
{
    /// <summary>Published: its ingress rule, DNS record and Access app are planned.</summary>
    Publish,

    /// <summary>An identical rule DockFlare does not own already serves it: no ingress write, DNS and Access still planned.</summary>
    ServedByForeign,

    /// <summary>Cannot be published now (fail closed or conflict): nothing is created, and what DockFlare owns for it is held as is.</summary>
    Blocked,
}
