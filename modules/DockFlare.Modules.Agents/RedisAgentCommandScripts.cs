namespace DockFlare.Modules.Agents;

/// <summary>The Lua scripts that change a command's state atomically, so replicas never race on it.</summary>
internal static class RedisAgentCommandScripts
{
    /// <summary>KEYS: stream, open set, open-agents set. ARGV: action, payload, createdAt, expiresAt, state prefix, agent id.</summary>
    public const string Enqueue = """
        local id = redis.call('XADD', KEYS[1], '*', 'action', ARGV[1], 'payload', ARGV[2], 'createdAt', ARGV[3], 'expiresAt', ARGV[4])
        redis.call('HSET', ARGV[5] .. id, 'state', 'pending', 'deliveries', 0, 'updatedAt', ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[4], id)
        redis.call('SADD', KEYS[3], ARGV[6])
        return id
        """;

    /// <summary>
    /// Picks what to deliver now and counts the delivery. Pending: always; received: once the
    /// redelivery timeout passed since it was received or last delivered. KEYS: open set.
    /// ARGV: state prefix, now (ms), received redelivery (ms). Returns id, deliveries, id, deliveries...
    /// </summary>
    public const string Deliver = """
        local now = tonumber(ARGV[2])
        local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], '+inf')
        local out = {}
        for _, id in ipairs(ids) do
          local key = ARGV[1] .. id
          local s = redis.call('HMGET', key, 'state', 'updatedAt', 'lastDeliveredAt')
          local deliver = s[1] == 'pending'
          if s[1] == 'received' then
            local since = math.max(tonumber(s[2] or '0'), tonumber(s[3] or '0'))
            deliver = since + tonumber(ARGV[3]) <= now
          end
          if deliver then
            local d = redis.call('HINCRBY', key, 'deliveries', 1)
            redis.call('HSET', key, 'lastDeliveredAt', ARGV[2])
            table.insert(out, id)
            table.insert(out, d)
          end
        end
        return out
        """;

    /// <summary>
    /// KEYS: state hash, open set. ARGV: state, has result (1/0), result, now, id.
    /// Returns 0 when unknown. A final state is never changed again (a repeated ack is a no-op).
    /// </summary>
    public const string Acknowledge = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local state = redis.call('HGET', KEYS[1], 'state')
        if state == 'succeeded' or state == 'failed' or state == 'expired' then return 1 end
        redis.call('HSET', KEYS[1], 'state', ARGV[1], 'updatedAt', ARGV[4])
        if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'result', ARGV[3]) end
        if ARGV[1] ~= 'received' then redis.call('ZREM', KEYS[2], ARGV[5]) end
        return 1
        """;

    /// <summary>
    /// Marks open commands expiring at or before the cut-off as expired. KEYS: open set, open-agents set.
    /// ARGV: state prefix, cut-off score ('+inf' cancels all), now (ms), agent id. Returns how many.
    /// </summary>
    public const string Expire = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
        for _, id in ipairs(ids) do
          redis.call('HSET', ARGV[1] .. id, 'state', 'expired', 'updatedAt', ARGV[3])
          redis.call('ZREM', KEYS[1], id)
        end
        if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[4]) end
        return #ids
        """;
}
