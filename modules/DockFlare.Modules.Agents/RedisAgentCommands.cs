using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The command streams on Redis, shared by every master replica. Per agent: a stream
/// (<c>dockflare:agents:&lt;id&gt;:commands</c>) that is the command log and history, a hash per command
/// with its state, and a sorted set of the open ones by expiry. State changes are Lua scripts, so two
/// replicas serving one agent alternately neither lose nor duplicate a command. A queued command is
/// published on the agent's channel; every replica listens (one pattern subscription) and wakes its
/// waiting polls, and re-checks every <see cref="AgentCommandSettings.RecheckInterval"/> in case a
/// message was lost.
/// </summary>
/// <remarks>
/// Delivery is at least once: a pending command is returned by every poll until the agent acknowledges
/// it; one acknowledged as received is held back for <see cref="AgentCommandSettings.ReceivedRedeliveryAfter"/>
/// (measured from the ack or the last delivery) and then delivered again; succeeded and failed are final.
/// Agents de-duplicate by command id.
/// </remarks>
internal sealed class RedisAgentCommands : IAgentCommands, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly int _database;
    private readonly AgentTokenResolver _secrets;
    private readonly TimeProvider _time;
    private readonly AgentCommandSettings _settings;
    private readonly ILogger<RedisAgentCommands> _log;
    private readonly AgentCommandSignals _signals = new();
    private readonly SemaphoreSlim _subscribeGate = new(1, 1);
    private volatile bool _subscribed;

    /// <param name="redis">The connection.</param>
    /// <param name="database">The database number, or -1 for the connection's default.</param>
    /// <param name="secrets">Adds tunnel tokens at delivery.</param>
    /// <param name="time">The master clock.</param>
    /// <param name="settings">Limits and timeouts.</param>
    /// <param name="log">The log.</param>
    public RedisAgentCommands(
        IConnectionMultiplexer redis, int database, AgentTokenResolver secrets, TimeProvider time, AgentCommandSettings settings, ILogger<RedisAgentCommands> log)
    {
        _redis = redis;
        _database = database;
        _secrets = secrets;
        _time = time;
        _settings = settings;
        _log = log;
    }

    private IDatabase Db => _redis.GetDatabase(_database);

    public async Task<AgentCommand> EnqueueAsync(string agentId, string action, JsonObject payload, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        AgentCommandArguments.Check(agentId, action, payload, timeToLive);
        var stored = AgentTokenResolver.WithoutSecrets(payload);
        var created = _time.GetUtcNow();
        var expires = created + timeToLive;
        var id = (string)(await Db.ScriptEvaluateAsync(
            RedisAgentCommandScripts.Enqueue,
            [RedisAgentCommandKeys.Stream(agentId), RedisAgentCommandKeys.Open(agentId), RedisAgentCommandKeys.AgentsWithOpenCommands],
            [action, stored.ToJsonString(), created.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds(), RedisAgentCommandKeys.StatePrefix(agentId), agentId])
            .ConfigureAwait(false))!;

        _signals.Pulse(agentId);
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(RedisAgentCommandKeys.Queued(agentId)), agentId).ConfigureAwait(false);
        _log.LogInformation("Queued command {CommandId} ({Action}) for agent {AgentId}, expires {ExpiresAt:o}", id, action, agentId, expires);

        await TrimHistoryAsync(agentId).ConfigureAwait(false);
        return new AgentCommand(id, agentId, action, stored, FromMs(created.ToUnixTimeMilliseconds()), FromMs(expires.ToUnixTimeMilliseconds()));
    }

    public async Task<IReadOnlyList<AgentCommand>> WaitForCommandsAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        await EnsureSubscribedAsync().ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + (wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
        while (true)
        {
            var signal = _signals.Next(agentId);
            var commands = await DeliverAsync(agentId, cancellationToken).ConfigureAwait(false);
            var remaining = deadline - _time.GetUtcNow();
            if (commands.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return commands;
            }

            var pause = remaining < _settings.RecheckInterval ? remaining : _settings.RecheckInterval;
            await Task.WhenAny(signal, Task.Delay(pause, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<bool> AcknowledgeAsync(string agentId, string commandId, AgentCommandOutcome outcome, string? result, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        if (!AgentCommandIds.IsValid(commandId))
        {
            return false;
        }

        var state = AgentCommandStates.Of(outcome);
        var kept = _settings.Truncate(result);
        var known = (long)await Db.ScriptEvaluateAsync(
            RedisAgentCommandScripts.Acknowledge,
            [RedisAgentCommandKeys.State(agentId, commandId), RedisAgentCommandKeys.Open(agentId)],
            [state, kept is null ? "0" : "1", kept ?? string.Empty, _time.GetUtcNow().ToUnixTimeMilliseconds(), commandId]).ConfigureAwait(false) == 1;
        if (known)
        {
            _log.LogInformation("Agent {AgentId} acknowledged command {CommandId}: {Outcome}", agentId, commandId, state);
        }

        return known;
    }

    public async Task<IReadOnlyList<AgentCommandHistoryEntry>> HistoryAsync(string agentId, int limit, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        if (limit <= 0)
        {
            return [];
        }

        var db = Db;
        var entries = await db.StreamRangeAsync(RedisAgentCommandKeys.Stream(agentId), count: limit, messageOrder: Order.Descending).ConfigureAwait(false);
        var states = await Task.WhenAll(entries.Select(e => db.HashGetAllAsync(RedisAgentCommandKeys.State(agentId, e.Id!)))).ConfigureAwait(false);
        var history = new List<AgentCommandHistoryEntry>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var fields = states[i].ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
            var command = ToCommand(agentId, entries[i]) with { Deliveries = Int(fields, "deliveries") };
            history.Add(new AgentCommandHistoryEntry(
                command,
                fields.GetValueOrDefault("state") ?? AgentCommandStates.Expired,
                fields.GetValueOrDefault("result"),
                Long(fields, "updatedAt") is > 0 and var updated ? FromMs(updated) : command.CreatedAt));
        }

        return history;
    }

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var db = Db;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var total = 0;
        foreach (var member in await db.SetMembersAsync(RedisAgentCommandKeys.AgentsWithOpenCommands).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var agentId = member.ToString();
            var expired = await ExpireAgentAsync(db, agentId, now.ToString(CultureInfo.InvariantCulture), now).ConfigureAwait(false);
            if (expired > 0)
            {
                _log.LogInformation("Expired {Count} command(s) of agent {AgentId} that were never finished in time", expired, agentId);
            }

            total += expired;
        }

        return total;
    }

    public async Task CancelAllAsync(string agentId, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        var cancelled = await ExpireAgentAsync(Db, agentId, "+inf", _time.GetUtcNow().ToUnixTimeMilliseconds()).ConfigureAwait(false);
        _log.LogInformation("Cancelled {Count} open command(s) of agent {AgentId}", cancelled, agentId);
    }

    public void Dispose() => _subscribeGate.Dispose();

    private static async Task<int> ExpireAgentAsync(IDatabase db, string agentId, string cutOff, long now) =>
        (int)(long)await db.ScriptEvaluateAsync(
            RedisAgentCommandScripts.Expire,
            [RedisAgentCommandKeys.Open(agentId), RedisAgentCommandKeys.AgentsWithOpenCommands],
            [RedisAgentCommandKeys.StatePrefix(agentId), cutOff, now, agentId]).ConfigureAwait(false);

    private async Task<IReadOnlyList<AgentCommand>> DeliverAsync(string agentId, CancellationToken cancellationToken)
    {
        var db = Db;
        var picked = (RedisResult[])(await db.ScriptEvaluateAsync(
            RedisAgentCommandScripts.Deliver,
            [RedisAgentCommandKeys.Open(agentId)],
            [RedisAgentCommandKeys.StatePrefix(agentId), _time.GetUtcNow().ToUnixTimeMilliseconds(), (long)_settings.ReceivedRedeliveryAfter.TotalMilliseconds])
            .ConfigureAwait(false))!;
        if (picked.Length == 0)
        {
            return [];
        }

        var deliveries = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < picked.Length; i += 2)
        {
            deliveries[(string)picked[i]!] = (int)picked[i + 1];
        }

        var ids = deliveries.Keys.Order(AgentCommandIds.Comparer).ToList();
        var entries = await db.StreamRangeAsync(RedisAgentCommandKeys.Stream(agentId), ids[0], ids[^1]).ConfigureAwait(false);
        var commands = entries
            .Where(e => deliveries.ContainsKey(e.Id!))
            .Select(e => ToCommand(agentId, e) with { Deliveries = deliveries[e.Id!] })
            .ToList();
        return await _secrets.AddSecretsAsync(commands, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the stream at <see cref="AgentCommandSettings.HistoryLimit"/> entries: the oldest beyond it are
    /// deleted with their state when they are final. Open ones are kept (they leave by expiry). Two replicas
    /// trimming at once delete the same entries, which is harmless.
    /// </summary>
    private async Task TrimHistoryAsync(string agentId)
    {
        var db = Db;
        var stream = RedisAgentCommandKeys.Stream(agentId);
        var excess = await db.StreamLengthAsync(stream).ConfigureAwait(false) - _settings.HistoryLimit;
        if (excess <= 0)
        {
            return;
        }

        var oldest = await db.StreamRangeAsync(stream, count: (int)excess).ConfigureAwait(false);
        var open = await db.SortedSetScoresAsync(RedisAgentCommandKeys.Open(agentId), oldest.Select(e => (RedisValue)e.Id.ToString()).ToArray()).ConfigureAwait(false);
        var final = oldest.Where((_, i) => open[i] is null).Select(e => e.Id).ToArray();
        if (final.Length == 0)
        {
            return;
        }

        await db.StreamDeleteAsync(stream, final).ConfigureAwait(false);
        await db.KeyDeleteAsync(final.Select(id => (RedisKey)RedisAgentCommandKeys.State(agentId, id!)).ToArray()).ConfigureAwait(false);
    }

    private async Task EnsureSubscribedAsync()
    {
        if (_subscribed)
        {
            return;
        }

        await _subscribeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_subscribed)
            {
                await _redis.GetSubscriber().SubscribeAsync(
                    RedisChannel.Pattern(RedisAgentCommandKeys.QueuedPattern),
                    (_, message) => _signals.Pulse(message.ToString())).ConfigureAwait(false);
                _subscribed = true;
            }
        }
        finally
        {
            _subscribeGate.Release();
        }
    }

    private static AgentCommand ToCommand(string agentId, StreamEntry entry)
    {
        var payload = JsonNode.Parse(entry["payload"].ToString()) as JsonObject ?? [];
        return new AgentCommand(
            entry.Id!,
            agentId,
            entry["action"].ToString(),
            payload,
            FromMs(long.Parse(entry["createdAt"].ToString(), CultureInfo.InvariantCulture)),
            FromMs(long.Parse(entry["expiresAt"].ToString(), CultureInfo.InvariantCulture)));
    }

    private static int Int(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? (int)Math.Min(value, int.MaxValue) : 0;

    // Times are Unix milliseconds: far past int.MaxValue, so never read through Int.
    private static long Long(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static DateTimeOffset FromMs(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
