using DockFlare.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The <c>agents-expire-commands</c> job (every minute): commands past their expiry that no agent
/// finished are marked expired in the history and never delivered again. Idempotent.
/// </summary>
internal sealed class ExpireAgentCommandsJob(IAgentCommands commands, ILogger<ExpireAgentCommandsJob> log) : IRecurringJob
{
    public string Id => "agents-expire-commands";

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await commands.ExpireAsync(cancellationToken).ConfigureAwait(false);
        if (expired > 0)
        {
            log.LogInformation("Agent command expiry: {Count} command(s) expired", expired);
        }
    }
}
