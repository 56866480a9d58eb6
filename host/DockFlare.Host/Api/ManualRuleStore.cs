using DockFlare.Core.Engine;
using DockFlare.Core.State;

namespace DockFlare.Host.Api;

/// <summary>
/// The manual rules in the state store (<see cref="RouteSourceKey.Manual"/>), changed by read-modify-write on
/// the stored version. Writes in this process take turns (one at a time), so parallel requests never race each
/// other; when another replica got there first the change is applied again to what is stored now.
/// </summary>
internal sealed class ManualRuleStore(IStateStore store, ILogger<ManualRuleStore> log) : IDisposable
{
    public const int MaxAttempts = 5;

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<IReadOnlyList<ManualRule>> ListAsync(CancellationToken cancellationToken) =>
        (await store.GetRoutesAsync(RouteSourceKey.Manual, cancellationToken)).Routes.ManualRules;

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored rules and writes them back when it says it changed them. The
    /// edit may run more than once, each time on freshly read rules, so it must only depend on its argument.
    /// </summary>
    /// <exception cref="StateConcurrencyException">Other writers won <see cref="MaxAttempts"/> times in a row.</exception>
    public async Task<T> UpdateAsync<T>(Func<List<ManualRule>, (bool Changed, T Result)> edit, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await UpdateOnceAtATimeAsync(edit, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private async Task<T> UpdateOnceAtATimeAsync<T>(Func<List<ManualRule>, (bool Changed, T Result)> edit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetRoutesAsync(RouteSourceKey.Manual, cancellationToken);
            var rules = current.Routes.ManualRules.ToList();
            var (changed, result) = edit(rules);
            if (!changed)
            {
                return result;
            }

            try
            {
                await store.ReplaceRoutesAsync(
                    RouteSourceKey.Manual, current.Routes with { ManualRules = rules }, current.Version, cancellationToken);
                return result;
            }
            catch (StateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Only another replica (or another process on the same store) can have written in between.
                log.LogDebug("Manual rules changed since version {Version} was read; applying the change again (attempt {Attempt})",
                    current.Version, attempt + 1);
            }
        }
    }
}
