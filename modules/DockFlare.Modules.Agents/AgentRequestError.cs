namespace DockFlare.Modules.Agents;

/// <summary>Why an agent or admin request was refused (mapped to an HTTP status by the host).</summary>
public enum AgentRequestError
{
    /// <summary>The request is malformed or names invalid values (400).</summary>
    Invalid,

    /// <summary>No such agent or key (404).</summary>
    NotFound,

    /// <summary>The caller may not do this to this agent (403).</summary>
    Forbidden,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>Cloudflare could not be asked or refused (502).</summary>
    Upstream,
}
