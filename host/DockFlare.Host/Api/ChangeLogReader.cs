using DockFlare.Core.State;

namespace DockFlare.Host.Api;

/// <summary>
/// Reads the change log a page at a time, newest first, keeping only the entries a filter accepts: for
/// <c>GET /api/v2/changes</c> (no filter) and the UI's change log and container pages.
/// </summary>
/// <remarks>
/// The store cannot filter, so a filtered page is gathered by reading older entries in batches. One request reads at
/// most <see cref="MaxScanned"/> entries; when it stops there, <see cref="ChangesPage.Next"/> says where to go on.
/// </remarks>
internal sealed class ChangeLogReader(IStateStore store)
{
    public const int MaxScanned = 5000;
    private const int FilteredBatch = 250;

    /// <param name="accept">Which entries to keep; null keeps every entry (one read of <paramref name="limit"/> entries).</param>
    /// <param name="before">Only entries older than this sequence, or null for the newest.</param>
    /// <param name="limit">At most this many entries in the page.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ChangesPage> ReadAsync(Func<ChangeLogEntry, bool>? accept, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (accept is null)
        {
            var entries = await store.ReadChangesAsync(before, limit, cancellationToken);
            return new ChangesPage(entries, entries.Count == limit && entries[^1].Sequence > 1 ? entries[^1].Sequence : null);
        }

        var kept = new List<ChangeLogEntry>();
        var scanned = 0;
        var cursor = before;
        while (scanned < MaxScanned)
        {
            var wanted = Math.Min(FilteredBatch, MaxScanned - scanned);
            var batch = await store.ReadChangesAsync(cursor, wanted, cancellationToken);
            foreach (var entry in batch)
            {
                scanned++;
                cursor = entry.Sequence;
                if (accept(entry))
                {
                    kept.Add(entry);
                    if (kept.Count == limit)
                    {
                        return new ChangesPage(kept, entry.Sequence > 1 ? entry.Sequence : null);
                    }
                }
            }

            if (batch.Count < wanted || cursor <= 1)
            {
                return new ChangesPage(kept, null); // the oldest entry was read
            }
        }

        return new ChangesPage(kept, cursor);
    }
}
