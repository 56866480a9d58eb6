namespace DockFlare.Core.State;

/// <summary>The version of the persisted state layout.</summary>
/// <remarks>
/// Raise <see cref="CurrentVersion"/> whenever a stored record changes shape, and add a migration
/// from the previous version. Data written by a newer version is refused, never guessed at.
/// </remarks>
public static class StateSchema
{
    /// <summary>The schema version this build reads and writes.</summary>
    public const int CurrentVersion = 1;
}
