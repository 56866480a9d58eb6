using DockFlare.Core.State;

namespace DockFlare.Host.Api;

/// <summary>One page of the change log, newest first; pass <see cref="Next"/> as <c>before</c> for the next page (null: no more).</summary>
internal sealed record ChangesPage(IReadOnlyList<ChangeLogEntry> Entries, long? Next);
