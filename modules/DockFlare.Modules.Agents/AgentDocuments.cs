using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Modules.Agents;

/// <summary>Typed access to <see cref="IAgentStore"/>: read, list, and update with retries on concurrent writes.</summary>
internal sealed class AgentDocuments(IAgentStore store)
{
    private const int MaxAttempts = 8;

    /// <summary>How every agents document (and the cloudflared status in Redis) is written.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<T?> GetAsync<T>(string collection, string id)
        where T : class
    {
        var json = await store.GetAsync(collection, id).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string collection)
        where T : class =>
        [.. (await store.ListAsync(collection).ConfigureAwait(false)).Select(json => JsonSerializer.Deserialize<T>(json, Json)!)];

    /// <summary>
    /// Applies <paramref name="change"/> to the stored document (null when absent) and writes its result
    /// if nobody wrote meanwhile, retrying otherwise. A null result, or the same instance, writes nothing.
    /// </summary>
    public async Task<T?> UpdateAsync<T>(string collection, string id, Func<T?, T?> change)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var json = await store.GetAsync(collection, id).ConfigureAwait(false);
            var current = json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
            var next = change(current);
            if (next is null || ReferenceEquals(next, current))
            {
                return next;
            }

            if (await store.TrySetAsync(collection, id, JsonSerializer.Serialize(next, Json), json).ConfigureAwait(false))
            {
                return next;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The agent registry entry {collection}/{id} kept changing; try again.");
            }
        }
    }

    public Task DeleteAsync(string collection, string id) => store.DeleteAsync(collection, id);
}
