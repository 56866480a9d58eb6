namespace DockFlare.Plugins.Abstractions;

/// <summary>The container engine could not be reached or did not answer.</summary>
public sealed class ContainerRuntimeUnavailableException : Exception
{
    public ContainerRuntimeUnavailableException()
    {
    }

    public ContainerRuntimeUnavailableException(string message)
        : base(message)
    {
    }

    public ContainerRuntimeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
