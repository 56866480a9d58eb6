using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Core.State;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The agent registry of the embedded (single master, no Redis) mode: one JSON setting per collection
/// (<c>agents.&lt;collection&gt;</c>, an object of documents by id) in the state store. One process writes,
/// so a semaphore makes compare-and-set atomic.
/// </summary>
internal sealed class SettingsAgentStore(IStateStore state) : IAgentStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string?> GetAsync(string collection, string id)
    {
        var all = await ReadAsync(collection).ConfigureAwait(false);
        return all.TryGetValue(id, out var json) ? json : null;
    }

    public async Task<IReadOnlyList<string>> ListAsync(string collection) =>
        [.. (await ReadAsync(collection).ConfigureAwait(false)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];

    public async Task<bool> TrySetAsync(string collection, string id, string json, string? expected)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var all = await ReadAsync(collection).ConfigureAwait(false);
            all.TryGetValue(id, out var current);
            if (current != expected)
            {
                return false;
            }

            all[id] = json;
            await WriteAsync(collection, all).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string collection, string id)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var all = await ReadAsync(collection).ConfigureAwait(false);
            if (all.Remove(id))
            {
                await WriteAsync(collection, all).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string SettingKey(string collection) => "agents." + collection;

    private async Task<Dictionary<string, string>> ReadAsync(string collection)
    {
        var setting = await state.GetSettingAsync(SettingKey(collection)).ConfigureAwait(false);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (setting is null || JsonNode.Parse(setting.Value) is not JsonObject documents)
        {
            return result;
        }

        foreach (var (id, document) in documents)
        {
            if (document is not null)
            {
                result[id] = document.GetValue<string>();
            }
        }

        return result;
    }

    private Task WriteAsync(string collection, Dictionary<string, string> all)
    {
        var documents = new JsonObject();
        foreach (var (id, json) in all.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            documents[id] = json;
        }

        return state.SetSettingAsync(new SettingEntry(SettingKey(collection), documents.ToJsonString(), IsJson: true));
    }
}
