namespace DockFlare.Core.Reconciliation;

/// <summary>
/// A reconcile step failed in a way the next run may fix (Cloudflare down, rate limited, a bad
/// answer). The message names what failed and never contains a secret.
/// </summary>
public class ReconcileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReconcileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReconcileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
