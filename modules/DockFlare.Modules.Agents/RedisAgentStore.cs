using StackExchange.Redis;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The agent registry on Redis: one string per document at <c>dockflare:agents:&lt;collection&gt;:&lt;id&gt;</c>
/// and a set of ids per collection at <c>dockflare:agents:&lt;collection&gt;</c>. Compare-and-set is a
/// transaction conditioned on the document's previous value.
/// </summary>
internal sealed class RedisAgentStore(IConnectionMultiplexer redis) : IAgentStore
{
    public const string Prefix = "dockflare:agents:";

    private IDatabase Db => redis.GetDatabase();

    public async Task<string?> GetAsync(string collection, string id)
    {
        var value = await Db.StringGetAsync(DocumentKey(collection, id)).ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    public async Task<IReadOnlyList<string>> ListAsync(string collection)
    {
        var ids = await Db.SetMembersAsync(IndexKey(collection)).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return [];
        }

        var keys = ids.Select(id => DocumentKey(collection, id.ToString())).ToArray();
        var values = await Db.StringGetAsync(keys).ConfigureAwait(false);
        return [.. values.Where(v => !v.IsNull).Select(v => v.ToString())];
    }

    public async Task<bool> TrySetAsync(string collection, string id, string json, string? expected)
    {
        var key = DocumentKey(collection, id);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(expected is null ? Condition.KeyNotExists(key) : Condition.StringEqual(key, expected));
        _ = transaction.StringSetAsync(key, json);
        _ = transaction.SetAddAsync(IndexKey(collection), id);
        return await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task DeleteAsync(string collection, string id)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(DocumentKey(collection, id));
        _ = transaction.SetRemoveAsync(IndexKey(collection), id);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    private static RedisKey DocumentKey(string collection, string id) => Prefix + collection + ":" + id;

    private static RedisKey IndexKey(string collection) => Prefix + collection;
}
