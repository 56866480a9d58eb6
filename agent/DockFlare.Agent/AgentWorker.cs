using DockFlare.Agent.Commands;
using DockFlare.Agent.Containers;
using DockFlare.Agent.Master;
using DockFlare.Agent.Tunnel;

namespace DockFlare.Agent;

/// <summary>
/// The agent's conversation with the master: register (retrying as long as it takes), then heartbeats, the command long
/// poll, inventories and events side by side. cloudflared supervision runs apart from it (<see cref="TunnelSupervisionService"/>),
/// so nothing here blocks bringing the tunnel back.
/// </summary>
/// <remarks>
/// The conversation ends for good in two cases. A refused key (401/403): nothing is polled or sent any more, cloudflared is
/// left exactly as it is, <c>/health</c> turns unhealthy, and one error line naming the key id repeats every few minutes.
/// A removal (410 <c>agent_removed</c>): cloudflared is removed and the tunnel forgotten. At shutdown the poll stops at once,
/// but a command in progress gets <see cref="AgentTimings.ShutdownAckWait"/> to finish and be acknowledged; cloudflared is
/// not touched.
/// </remarks>
internal sealed class AgentWorker(
    AgentRegistrar registrar,
    HeartbeatLoop heartbeats,
    CommandPoller commands,
    InventoryLoop inventory,
    EventSender events,
    MasterConnection connection,
    TunnelSupervisor tunnel,
    AgentSettings settings,
    AgentTimings timings,
    ILogger<AgentWorker> log) : BackgroundService
{
    private readonly CancellationTokenSource _commandLifetime = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _commandLifetime.CancelAfter(timings.ShutdownAckWait);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _commandLifetime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        MasterException? end;
        try
        {
            var agentId = await registrar.RegisterAsync(stoppingToken).ConfigureAwait(false);
            end = await ConverseAsync(agentId, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MasterKeyRejectedException or AgentRemovedException)
        {
            end = (MasterException)ex;
        }

        switch (end)
        {
            case MasterKeyRejectedException rejected:
                await KeyRejectedAsync(rejected, stoppingToken).ConfigureAwait(false);
                break;
            case AgentRemovedException removed:
                await RemovedAsync(removed, stoppingToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<MasterException?> ConverseAsync(string agentId, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        MasterException? end = null;

        async Task Run(string name, Func<CancellationToken, Task> loop)
        {
            while (!session.IsCancellationRequested)
            {
                try
                {
                    await loop(session.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (session.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is MasterKeyRejectedException or AgentRemovedException)
                {
                    Interlocked.CompareExchange(ref end, (MasterException)ex, null);
                    await session.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex)
                {
                    // The boundary of one loop: a bug or an unexpected failure must not end the conversation.
                    log.LogError(ex, "The agent's {Loop} loop failed; it starts again", name);
                    try
                    {
                        await Task.Delay(timings.RetryCap, session.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        await Task.WhenAll(
            Run("heartbeat", token => heartbeats.RunAsync(agentId, token)),
            Run("command", token => commands.RunAsync(agentId, token, _commandLifetime.Token)),
            Run("inventory", token => inventory.RunAsync(agentId, token)),
            Run("event", token => events.RunAsync(agentId, token))).ConfigureAwait(false);
        return end;
    }

    private async Task KeyRejectedAsync(MasterKeyRejectedException rejected, CancellationToken stoppingToken)
    {
        connection.MarkKeyRejected();
        tunnel.Halt();
        var keyId = settings.ApiKeyId ?? "(not a dfa_ key)";
        while (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(
                "The master refused this agent's key {KeyId} (HTTP {Status} {Code}: {Reason}): the agent stopped polling and reporting and leaves cloudflared as it is. Give it a new agent key (DOCKFLARE_API_KEY) and restart it",
                keyId, rejected.Status, rejected.Code, rejected.Message);
            try
            {
                await Task.Delay(timings.KeyRejectedRepeat, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RemovedAsync(AgentRemovedException removed, CancellationToken stoppingToken)
    {
        connection.MarkRemoved();
        log.LogError("The master removed this agent ({Reason}): removing its cloudflared and forgetting the tunnel", removed.Message);
        var report = await tunnel.RemoveForRemovalAsync(stoppingToken).ConfigureAwait(false);
        log.LogError(
            "This agent is removed from the master; cloudflared is {State}. It sends nothing more: to serve this host again, give it a new agent key and restart it",
            report?.State ?? "untouched");
    }
}
