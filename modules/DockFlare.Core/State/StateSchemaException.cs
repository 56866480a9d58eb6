namespace DockFlare.Core.State;

/// <summary>Stored state has a schema version this build cannot read (written by a newer DockFlare, or unknown).</summary>
/// <remarks>Upgrade DockFlare, or restore a backup made by this version.</remarks>
public sealed class StateSchemaException : Exception
{
    public StateSchemaException()
    {
    }

    public StateSchemaException(string message)
        : base(message)
    {
    }

    public StateSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
