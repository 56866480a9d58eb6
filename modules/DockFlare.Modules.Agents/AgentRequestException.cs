namespace DockFlare.Modules.Agents;

/// <summary>A refused agent or admin request; the message says why in user terms and holds no secret.</summary>
public sealed class AgentRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentRequestException(AgentRequestError error, string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Code = code;
    }

    /// <summary>The kind of refusal.</summary>
    public AgentRequestError Error { get; }

    /// <summary>A stable machine-readable code (for example <c>agent_not_found</c>).</summary>
    public string Code { get; }
}
