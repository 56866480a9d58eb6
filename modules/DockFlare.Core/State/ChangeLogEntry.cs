namespace DockFlare.Core.State;

/// <summary>One recorded change, as stored in the append-only change log.</summary>
/// <param name="Sequence">Its position in the log: strictly increasing, never reused.</param>
/// <param name="At">When the change was applied.</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="Target">What was changed.</param>
/// <param name="Cause">Why it was changed.</param>
/// <param name="Before">The value before, or null.</param>
/// <param name="After">The value after, or null.</param>
public sealed record ChangeLogEntry(
    long Sequence, DateTimeOffset At, string Kind, string Target, string Cause, string? Before, string? After)
{
    /// <summary>The entry a draft becomes once the store gave it a sequence number.</summary>
    public static ChangeLogEntry From(long sequence, ChangeLogDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(sequence, draft.At, draft.Kind, draft.Target, draft.Cause, draft.Before, draft.After);
    }
}
