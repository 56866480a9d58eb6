namespace DockFlare.Core.State;

/// <summary>Changing one setting safely while other writers (threads or replicas) may change it too.</summary>
public static class SettingUpdates
{
    /// <summary>
    /// Reads the setting <paramref name="key"/>, lets <paramref name="change"/> make the next value from it, and stores
    /// that only if nobody changed the setting meanwhile (<see cref="IStateStore.CompareAndSetSettingAsync"/>); otherwise
    /// starts again from the newer value.
    /// </summary>
    /// <param name="store">The state store.</param>
    /// <param name="key">The setting's key.</param>
    /// <param name="change">From the stored entry (null when there is none): the entry to store (null: store nothing) and the result.</param>
    /// <param name="maxAttempts">How many times to try before giving up.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The result <paramref name="change"/> gave for the value that was stored (or left as it was).</returns>
    /// <exception cref="StateConcurrencyException">Other writers changed the setting in every attempt.</exception>
    public static async Task<T> UpdateSettingAsync<T>(
        this IStateStore store, string key, Func<SettingEntry?, (SettingEntry? Next, T Result)> change, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetSettingAsync(key, cancellationToken).ConfigureAwait(false);
            var (next, result) = change(stored);
            if (next is null || await store.CompareAndSetSettingAsync(next, stored, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }

            if (attempt >= maxAttempts)
            {
                throw new StateConcurrencyException($"The setting '{key}' was changed by other writers {maxAttempts} times while this change was applied.");
            }
        }
    }
}
