using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>The embedded store's change log: the newest entries, oldest first, and the next sequence number.</summary>
internal sealed record ChangeLogDocument(long NextSequence, IReadOnlyList<ChangeLogEntry> Entries)
{
    public static ChangeLogDocument Empty { get; } = new(1, []);
}
