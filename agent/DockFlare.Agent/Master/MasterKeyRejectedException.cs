namespace DockFlare.Agent.Master;

/// <summary>The master refused the agent key (401: unknown, revoked or rolled; 403: bound to another agent).</summary>
internal sealed class MasterKeyRejectedException(int status, string? code, string message) : MasterException(message)
{
    /// <summary>The HTTP status (401 or 403).</summary>
    public int Status { get; } = status;

    /// <summary>The master's error code, such as <c>unauthorized</c> or <c>key_bound_to_other_agent</c>.</summary>
    public string? Code { get; } = code;
}
