namespace DockFlare.Core.State;

/// <summary>A write was based on a version of the data that another writer has since replaced.</summary>
/// <remarks>Read again, re-apply the change to what is stored now, and retry.</remarks>
public sealed class StateConcurrencyException : Exception
{
    public StateConcurrencyException()
    {
    }

    public StateConcurrencyException(string message)
        : base(message)
    {
    }

    public StateConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
