using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The command streams without Redis (a single master): kept in memory and written through to the state
/// store, one JSON setting per agent (<c>agents.commands.&lt;id&gt;</c>), so queued commands survive a
/// restart. Same semantics as <see cref="RedisAgentCommands"/>: at-least-once, never deleted on read,
/// received commands delivered again after <see cref="AgentCommandSettings.ReceivedRedeliveryAfter"/>,
/// bounded history.
/// </summary>
internal sealed class EmbeddedAgentCommands(
    IStateStore store, AgentTokenResolver secrets, TimeProvider time, AgentCommandSettings settings, ILogger<EmbeddedAgentCommands> log)
    : IAgentCommands, IDisposable
{
    public const string SettingPrefix = "agents.commands.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AgentCommandSignals _signals = new();
    private Dictionary<string, List<EmbeddedAgentCommandRecord>>? _agents;
    private (long Milliseconds, long Sequence) _lastId;

    public async Task<AgentCommand> EnqueueAsync(string agentId, string action, JsonObject payload, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        AgentCommandArguments.Check(agentId, action, payload, timeToLive);
        var now = Truncated(time.GetUtcNow());
        EmbeddedAgentCommandRecord record;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var commands = await CommandsAsync(agentId, cancellationToken).ConfigureAwait(false);
            record = new EmbeddedAgentCommandRecord
            {
                Id = NextId(now),
                Action = action,
                Payload = AgentTokenResolver.WithoutSecrets(payload),
                CreatedAt = now,
                ExpiresAt = Truncated(now + timeToLive),
                UpdatedAt = now,
            };
            commands.Add(record);
            Trim(commands);
            await SaveAsync(agentId, commands, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        _signals.Pulse(agentId);
        log.LogInformation("Queued command {CommandId} ({Action}) for agent {AgentId}, expires {ExpiresAt:o}", record.Id, action, agentId, record.ExpiresAt);
        return record.ToCommand(agentId);
    }

    public async Task<IReadOnlyList<AgentCommand>> WaitForCommandsAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        var deadline = time.GetUtcNow() + (wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
        while (true)
        {
            var signal = _signals.Next(agentId);
            var delivered = await DeliverAsync(agentId, cancellationToken).ConfigureAwait(false);
            var commands = await secrets.AddSecretsAsync(delivered, cancellationToken).ConfigureAwait(false);
            var remaining = deadline - time.GetUtcNow();
            if (commands.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return commands;
            }

            var pause = remaining < settings.RecheckInterval ? remaining : settings.RecheckInterval;
            await Task.WhenAny(signal, Task.Delay(pause, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<bool> AcknowledgeAsync(string agentId, string commandId, AgentCommandOutcome outcome, string? result, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        var state = AgentCommandStates.Of(outcome);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var commands = await CommandsAsync(agentId, cancellationToken).ConfigureAwait(false);
            var record = commands.Find(c => string.Equals(c.Id, commandId, StringComparison.Ordinal));
            if (record is null)
            {
                return false;
            }

            if (record.IsOpen)
            {
                record.State = state;
                record.UpdatedAt = time.GetUtcNow();
                record.Result = result is null ? record.Result : settings.Truncate(result);
                await SaveAsync(agentId, commands, cancellationToken).ConfigureAwait(false);
                log.LogInformation("Agent {AgentId} acknowledged command {CommandId}: {Outcome}", agentId, commandId, state);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<AgentCommandHistoryEntry>> HistoryAsync(string agentId, int limit, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var commands = await CommandsAsync(agentId, cancellationToken).ConfigureAwait(false);
            return commands
                .OrderByDescending(c => c.Id, AgentCommandIds.Comparer)
                .Take(Math.Max(0, limit))
                .Select(c => new AgentCommandHistoryEntry(c.ToCommand(agentId), c.State, c.Result, c.UpdatedAt))
                .ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var total = 0;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var agents = await AgentsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (agentId, commands) in agents)
            {
                var expired = MarkExpired(commands, c => c.ExpiresAt <= now, now);
                if (expired > 0)
                {
                    await SaveAsync(agentId, commands, cancellationToken).ConfigureAwait(false);
                    log.LogInformation("Expired {Count} command(s) of agent {AgentId} that were never finished in time", expired, agentId);
                }

                total += expired;
            }
        }
        finally
        {
            _gate.Release();
        }

        return total;
    }

    public async Task CancelAllAsync(string agentId, CancellationToken cancellationToken)
    {
        AgentCommandArguments.CheckAgent(agentId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var commands = await CommandsAsync(agentId, cancellationToken).ConfigureAwait(false);
            var cancelled = MarkExpired(commands, _ => true, time.GetUtcNow());
            if (cancelled > 0)
            {
                await SaveAsync(agentId, commands, cancellationToken).ConfigureAwait(false);
            }

            log.LogInformation("Cancelled {Count} open command(s) of agent {AgentId}", cancelled, agentId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static int MarkExpired(List<EmbeddedAgentCommandRecord> commands, Func<EmbeddedAgentCommandRecord, bool> due, DateTimeOffset now)
    {
        var count = 0;
        foreach (var record in commands.Where(c => c.IsOpen && due(c)))
        {
            record.State = AgentCommandStates.Expired;
            record.UpdatedAt = now;
            count++;
        }

        return count;
    }

    private async Task<IReadOnlyList<AgentCommand>> DeliverAsync(string agentId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var commands = await CommandsAsync(agentId, cancellationToken).ConfigureAwait(false);
            var due = commands.Where(c => c.IsOpen && c.ExpiresAt > now && IsDue(c, now)).ToList();
            if (due.Count == 0)
            {
                return [];
            }

            foreach (var record in due)
            {
                record.Deliveries++;
                record.LastDeliveredAt = now;
            }

            await SaveAsync(agentId, commands, cancellationToken).ConfigureAwait(false);
            return due.Select(c => c.ToCommand(agentId)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsDue(EmbeddedAgentCommandRecord record, DateTimeOffset now)
    {
        if (record.State == AgentCommandStates.Pending)
        {
            return true;
        }

        var since = record.LastDeliveredAt is { } delivered && delivered > record.UpdatedAt ? delivered : record.UpdatedAt;
        return since + settings.ReceivedRedeliveryAfter <= now;
    }

    /// <summary>Drops the oldest final commands beyond the history limit; open ones stay until they expire.</summary>
    private void Trim(List<EmbeddedAgentCommandRecord> commands)
    {
        var excess = commands.Count - settings.HistoryLimit;
        if (excess > 0)
        {
            var drop = commands.Take(excess).Where(c => !c.IsOpen).ToHashSet();
            commands.RemoveAll(drop.Contains);
        }
    }

    private async Task<List<EmbeddedAgentCommandRecord>> CommandsAsync(string agentId, CancellationToken cancellationToken)
    {
        var agents = await AgentsAsync(cancellationToken).ConfigureAwait(false);
        if (!agents.TryGetValue(agentId, out var commands))
        {
            commands = [];
            agents[agentId] = commands;
        }

        return commands;
    }

    /// <summary>Loads every agent's commands once (the caller holds the gate); afterwards memory is authoritative.</summary>
    private async Task<Dictionary<string, List<EmbeddedAgentCommandRecord>>> AgentsAsync(CancellationToken cancellationToken)
    {
        if (_agents is not null)
        {
            return _agents;
        }

        var agents = new Dictionary<string, List<EmbeddedAgentCommandRecord>>(StringComparer.Ordinal);
        foreach (var setting in await store.ListSettingsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (setting.Key.StartsWith(SettingPrefix, StringComparison.Ordinal) && setting.IsJson)
            {
                var commands = JsonSerializer.Deserialize<List<EmbeddedAgentCommandRecord>>(setting.Value, Json) ?? [];
                commands.Sort((a, b) => AgentCommandIds.Compare(a.Id, b.Id));
                agents[setting.Key[SettingPrefix.Length..]] = commands;
                foreach (var record in commands)
                {
                    if (AgentCommandIds.TryParse(record.Id, out var id) && id.CompareTo(_lastId) > 0)
                    {
                        _lastId = id;
                    }
                }
            }
        }

        _agents = agents;
        return agents;
    }

    private Task SaveAsync(string agentId, List<EmbeddedAgentCommandRecord> commands, CancellationToken cancellationToken) =>
        store.SetSettingAsync(new SettingEntry(SettingPrefix + agentId, JsonSerializer.Serialize(commands, Json), IsJson: true), cancellationToken);

    private string NextId(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        _lastId = ms > _lastId.Milliseconds ? (ms, 0) : (_lastId.Milliseconds, _lastId.Sequence + 1);
        return AgentCommandIds.Format(_lastId.Milliseconds, _lastId.Sequence);
    }

    private static DateTimeOffset Truncated(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
