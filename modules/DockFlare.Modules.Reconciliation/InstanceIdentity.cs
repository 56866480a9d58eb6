using System.Security.Cryptography;
using DockFlare.Core.State;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// This installation's id, written into the ownership marker of every DNS record it creates. Made
/// once and kept in the state store, so it survives restarts and is shared by master replicas.
/// </summary>
internal sealed class InstanceIdentity(IStateStore store) : IDisposable
{
    internal const string SettingKey = "instance.id";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _id;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_id is not null)
        {
            return _id;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_id is null)
            {
                var stored = await store.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
                if (stored is null || string.IsNullOrWhiteSpace(stored.Value))
                {
                    await store.SetSettingAsync(new SettingEntry(SettingKey, "df-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), false), cancellationToken)
                        .ConfigureAwait(false);

                    // Read back: if two replicas raced, both now use whichever write landed last.
                    stored = await store.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
                }

                _id = stored!.Value;
            }

            return _id;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
