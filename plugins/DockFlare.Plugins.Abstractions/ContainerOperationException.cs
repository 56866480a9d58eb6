namespace DockFlare.Plugins.Abstractions;

/// <summary>The container engine answered but refused an operation (a name in use, a missing image or network...).</summary>
public sealed class ContainerOperationException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public ContainerOperationException()
    {
    }

    /// <summary>Creates the exception with a message that says what was refused and why.</summary>
    /// <param name="message">What was refused and why; never a secret.</param>
    public ContainerOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the engine's own error.</summary>
    /// <param name="message">What was refused and why; never a secret.</param>
    /// <param name="innerException">The engine client's error.</param>
    public ContainerOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
