namespace DockFlare.Agent.Master;

/// <summary>The master refused one request for a reason retrying the same request will not fix (400, 404, 409, 413...).</summary>
internal sealed class MasterRequestException(int status, string? code, string message) : MasterException(message)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The master's error code, such as <c>invalid_request</c> or <c>agent_not_found</c>.</summary>
    public string? Code { get; } = code;
}
