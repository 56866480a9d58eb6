using DockFlare.Agent.Master;
using DockFlare.Agent.State;

namespace DockFlare.Agent.Commands;

/// <summary>
/// One delivered command, at least once from the master, exactly once here: acknowledged <c>received</c>, executed,
/// recorded in the persisted ring, acknowledged with its outcome. A command id already in the ring (a redelivery, also
/// after a restart) is acknowledged again with the stored outcome and not executed.
/// </summary>
internal sealed class CommandProcessor(
    CommandExecutor executor,
    AgentStateStore state,
    MasterClient master,
    TimeProvider clock,
    ILogger<CommandProcessor> log)
{
    private const int FinalAckAttempts = 3;

    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task ProcessAsync(string agentId, MasterCommand command, CancellationToken cancellationToken)
    {
        if (state.Current.FindCommand(command.Id) is { } done)
        {
            log.LogDebug("Command {Command} was already executed ({Outcome}): acknowledging it again", command, done.Succeeded ? "succeeded" : "failed");
            await AcknowledgeFinalAsync(agentId, command, new CommandOutcome(done.Succeeded, done.Result), cancellationToken).ConfigureAwait(false);
            return;
        }

        await TryAcknowledgeAsync(agentId, command, CommandActions.Received, null, cancellationToken).ConfigureAwait(false);
        var outcome = await executor.ExecuteAsync(agentId, command, cancellationToken).ConfigureAwait(false);
        state.Update(s => s.WithCommand(new CommandRecord(command.Id, command.Action, outcome.Succeeded, outcome.Result, clock.GetUtcNow())));
        if (outcome.Succeeded)
        {
            log.LogInformation("Command {Command} succeeded: {Result}", command, outcome.Result);
        }
        else
        {
            log.LogWarning("Command {Command} failed: {Result}", command, outcome.Result);
        }

        await AcknowledgeFinalAsync(agentId, command, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcknowledgeFinalAsync(string agentId, MasterCommand command, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= FinalAckAttempts; attempt++)
        {
            if (await TryAcknowledgeAsync(agentId, command, outcome.Word, outcome.Result, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (attempt < FinalAckAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        // The master delivers the command again until it hears the outcome; the ring answers it then.
        log.LogWarning("The outcome of command {Command} could not be acknowledged; it is acknowledged again when the master redelivers it", command);
    }

    private async Task<bool> TryAcknowledgeAsync(string agentId, MasterCommand command, string outcome, string? result, CancellationToken cancellationToken)
    {
        try
        {
            await master.AcknowledgeAsync(agentId, command.Id, outcome, result, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MasterUnavailableException ex)
        {
            log.LogDebug("Acknowledging {Command} as {Outcome} failed: {Reason}", command, outcome, ex.Message);
            return false;
        }
        catch (MasterRequestException ex)
        {
            // 404: the command expired or was cancelled meanwhile; nothing more to tell.
            log.LogDebug("The master did not take the {Outcome} acknowledgement of {Command}: {Reason}", outcome, command, ex.Message);
            return true;
        }
    }
}
