namespace DockFlare.Core.State;

/// <summary>Which kind of source a stored set of routes came from.</summary>
public enum RouteSourceKeyKind
{
    /// <summary>The master's own Docker engine.</summary>
    Local,

    /// <summary>A remote agent's Docker engine.</summary>
    Agent,

    /// <summary>Manual rules made through the UI or the API.</summary>
    Manual,
}
