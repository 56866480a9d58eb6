namespace DockFlare.Modules.State;

/// <summary>The Lua scripts that make multi-key changes atomic on the Redis server.</summary>
internal static class RedisStateScripts
{
    /// <summary>
    /// Replaces a source's routes if its version is still ARGV[1]. KEYS: routes hash, source index.
    /// ARGV: expected version, data, "1" when the set is not empty, source text.
    /// Returns the new version, or -(current version + 1) on a conflict.
    /// </summary>
    public const string ReplaceRoutes = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
        if current ~= tonumber(ARGV[1]) then
          return -(current + 1)
        end
        local next = current + 1
        redis.call('HSET', KEYS[1], 'version', next, 'data', ARGV[2])
        if ARGV[3] == '1' then
          redis.call('SADD', KEYS[2], ARGV[4])
        else
          redis.call('SREM', KEYS[2], ARGV[4])
        end
        return next
        """;

    /// <summary>
    /// Appends a change. KEYS: sequence counter, log. ARGV: the draft's JSON, the maximum length.
    /// Returns the sequence number given to the entry.
    /// </summary>
    public const string AppendChange = """
        local sequence = redis.call('INCR', KEYS[1])
        redis.call('ZADD', KEYS[2], sequence, sequence .. '|' .. ARGV[1])
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
        return sequence
        """;

    /// <summary>
    /// Stamps the schema version when the database has none. KEYS: schema key. ARGV: current version.
    /// Returns the stored version.
    /// </summary>
    public const string EnsureSchema = """
        local stored = redis.call('GET', KEYS[1])
        if not stored then
          redis.call('SET', KEYS[1], ARGV[1])
          return tonumber(ARGV[1])
        end
        return tonumber(stored) or -1
        """;
}
