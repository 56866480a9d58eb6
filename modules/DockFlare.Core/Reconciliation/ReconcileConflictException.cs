namespace DockFlare.Core.Reconciliation;

/// <summary>
/// The live Cloudflare state changed between reading and writing (a dashboard edit, another tool).
/// Nothing was written; the reconciler reads again and plans again.
/// </summary>
public sealed class ReconcileConflictException : ReconcileException
{
    /// <summary>Creates the exception.</summary>
    public ReconcileConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReconcileConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReconcileConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
