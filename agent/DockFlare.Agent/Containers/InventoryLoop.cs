using DockFlare.Agent.Master;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Sends the full inventory at connect, after every return of the master (<see cref="MasterConnection.InventoryNeeded"/>),
/// and every <c>inventorySeconds</c> the master asked for. A failure is retried with backoff.
/// </summary>
internal sealed class InventoryLoop(InventoryReporter reporter, MasterConnection connection, AgentTimings timings, ILogger<InventoryLoop> log)
{
    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task RunAsync(string agentId, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(timings);
        var dockerDown = false;
        while (true)
        {
            TimeSpan? retry = null;
            try
            {
                // A wake-up from before this send is answered by it.
                connection.InventoryNeeded.Reset();
                var count = await reporter.SendAsync(agentId, cancellationToken).ConfigureAwait(false);
                backoff.Reset();
                if (dockerDown)
                {
                    dockerDown = false;
                    log.LogInformation("The Docker engine answers again: inventory of {Count} containers sent", count);
                }
            }
            catch (ContainerRuntimeUnavailableException ex)
            {
                retry = backoff.Next();
                if (!dockerDown)
                {
                    dockerDown = true;
                    log.LogWarning("The Docker engine cannot be listed ({Reason}): no inventory is sent until it answers (the master keeps the last one)", ex.Message);
                }
            }
            catch (MasterUnavailableException ex)
            {
                retry = backoff.Next(ex.RetryAfter);
            }
            catch (MasterRequestException ex)
            {
                log.LogWarning("The master refused the inventory (HTTP {Status}: {Reason}); sending it again in {Seconds} s",
                    ex.Status, ex.Message, connection.Intervals.InventorySeconds);
            }

            if (retry is { } delay)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await connection.InventoryNeeded.WaitAsync(TimeSpan.FromSeconds(connection.Intervals.InventorySeconds), cancellationToken).ConfigureAwait(false);
        }
    }
}
