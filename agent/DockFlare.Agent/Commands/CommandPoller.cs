using DockFlare.Agent.Master;

namespace DockFlare.Agent.Commands;

/// <summary>
/// Long-polls the master for commands and processes them in order. Transient failures back off (capped, jittered,
/// <c>Retry-After</c> obeyed); the poll waits <c>pollWaitSeconds</c> as the master last asked.
/// </summary>
/// <remarks>
/// The poll stops with <c>cancellationToken</c>; a command already being processed runs on <c>commandToken</c>, which the
/// host cancels only after a bounded wait at shutdown, so its acknowledgements get out.
/// </remarks>
internal sealed class CommandPoller(
    MasterClient master,
    MasterConnection connection,
    CommandProcessor processor,
    AgentTimings timings,
    ILogger<CommandPoller> log)
{
    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task RunAsync(string agentId, CancellationToken cancellationToken, CancellationToken commandToken)
    {
        var backoff = new Backoff(timings);
        while (true)
        {
            CommandsResponse answer;
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                answer = await master.PollCommandsAsync(agentId, connection.Intervals.PollWaitSeconds, cancellationToken).ConfigureAwait(false);
                backoff.Reset();
            }
            catch (MasterUnavailableException ex)
            {
                await Task.Delay(backoff.Next(ex.RetryAfter), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (MasterRequestException ex)
            {
                var delay = backoff.Next();
                log.LogWarning("The master refused the command poll (HTTP {Status}: {Reason}); polling again in {Delay:0.0} s", ex.Status, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var command in answer.Commands ?? [])
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break; // stopping: the rest is delivered again after the restart
                }

                await processor.ProcessAsync(agentId, command, commandToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (answer.PollAfterSeconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(answer.PollAfterSeconds, 300)), cancellationToken).ConfigureAwait(false);
            }
            else if ((answer.Commands?.Count ?? 0) == 0 && TimeProvider.System.GetElapsedTime(started) is var took && took < timings.MinPollSpacing)
            {
                await Task.Delay(timings.MinPollSpacing - took, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
