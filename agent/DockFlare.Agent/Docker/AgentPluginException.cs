namespace DockFlare.Agent.Docker;

/// <summary>The Docker provider plugin cannot be loaded: the agent cannot work without it. The message says why and where.</summary>
internal sealed class AgentPluginException : Exception
{
    public AgentPluginException()
    {
    }

    public AgentPluginException(string message)
        : base(message)
    {
    }

    public AgentPluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
