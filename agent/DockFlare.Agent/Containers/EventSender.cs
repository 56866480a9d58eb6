using DockFlare.Agent.Master;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Sends queued container events in batches (at most <see cref="AgentTimings.EventBatchSize"/> events, at most
/// <see cref="AgentTimings.EventFlushDelay"/> after the first), each with its session and sequence numbers. A batch that
/// failed is sent again as it was, same numbers, until the master takes it: a retry after a lost answer changes nothing.
/// </summary>
internal sealed class EventSender(
    EventQueue queue,
    EventSession session,
    MasterClient master,
    MasterConnection connection,
    AgentTimings timings,
    ILogger<EventSender> log)
{
    /// <summary>Sends batches until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task RunAsync(string agentId, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(timings);
        var buffer = new List<PendingEvent>(timings.EventBatchSize);
        while (true)
        {
            buffer.Clear();
            await CollectAsync(buffer, cancellationToken).ConfigureAwait(false);
            var first = session.Reserve(buffer.Count);
            var batch = new EventBatchRequest(session.Id, [.. buffer.Select((e, i) => new AgentEventItem(first + i, e.Type, e.Container))]);
            await SendAsync(agentId, batch, backoff, cancellationToken).ConfigureAwait(false);
            if (queue.TakeOverflow())
            {
                log.LogWarning("More than {Capacity} container events piled up while the master was away: the oldest were dropped, a full inventory follows", EventQueue.Capacity);
                connection.InventoryNeeded.Set();
            }
        }
    }

    private async Task CollectAsync(List<PendingEvent> buffer, CancellationToken cancellationToken)
    {
        var reader = queue.Reader;
        buffer.Add(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(timings.EventFlushDelay);
        try
        {
            while (buffer.Count < timings.EventBatchSize)
            {
                if (reader.TryRead(out var more))
                {
                    buffer.Add(more);
                    continue;
                }

                if (!await reader.WaitToReadAsync(flush.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The flush delay is over: send what there is.
        }
    }

    private async Task SendAsync(string agentId, EventBatchRequest batch, Backoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var answer = await master.SendEventsAsync(agentId, batch, cancellationToken).ConfigureAwait(false);
                backoff.Reset();
                foreach (var diagnostic in answer.Diagnostics ?? [])
                {
                    log.LogWarning("The master says about a container event: {Diagnostic}", diagnostic);
                }

                log.LogDebug("Sent {Count} container events (seq {First}-{Last}): {Code}", batch.Events.Count, batch.Events[0].Seq, batch.Events[^1].Seq, answer.Code);
                return;
            }
            catch (MasterUnavailableException ex)
            {
                await Task.Delay(backoff.Next(ex.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
            catch (MasterRequestException ex)
            {
                // The master cannot take this batch as it is (400, 413): the next full inventory carries what it said.
                log.LogWarning("The master refused {Count} container events (HTTP {Status}: {Reason}): they are dropped, a full inventory follows",
                    batch.Events.Count, ex.Status, ex.Message);
                connection.InventoryNeeded.Set();
                return;
            }
        }
    }
}
