namespace DockFlare.Core.State;

/// <summary>Stored state could not be read: a file or value is truncated, fails its checksum or is not valid.</summary>
/// <remarks>The message names the file or key. The store never replaces such data with empty state.</remarks>
public sealed class StateCorruptedException : Exception
{
    public StateCorruptedException()
    {
    }

    public StateCorruptedException(string message)
        : base(message)
    {
    }

    public StateCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
