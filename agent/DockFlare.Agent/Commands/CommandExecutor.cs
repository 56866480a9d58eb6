using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Containers;
using DockFlare.Agent.Master;
using DockFlare.Agent.Tunnel;
using DockFlare.Core.Docker;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Commands;

/// <summary>Runs one command from the master and says how it ended; never throws for a command that fails.</summary>
internal sealed class CommandExecutor(TunnelSupervisor tunnel, InventoryReporter inventory)
{
    /// <exception cref="MasterKeyRejectedException">A <c>resync</c> met a refused key.</exception>
    /// <exception cref="AgentRemovedException">A <c>resync</c> met a removal.</exception>
    public async Task<CommandOutcome> ExecuteAsync(string agentId, MasterCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return command.Action switch
            {
                CommandActions.StartTunnel => await TunnelAsync(command, redeploy: false, cancellationToken).ConfigureAwait(false),
                CommandActions.RestartTunnel => await TunnelAsync(command, redeploy: true, cancellationToken).ConfigureAwait(false),
                CommandActions.StopTunnel => Describe(await tunnel.StopAsync(cancellationToken).ConfigureAwait(false), expectRunning: false),
                CommandActions.UpdateImage => await UpdateImageAsync(command, cancellationToken).ConfigureAwait(false),
                CommandActions.Resync => await ResyncAsync(agentId, cancellationToken).ConfigureAwait(false),
                _ => CommandOutcome.Failure($"unknown action '{command.Action}'"),
            };
        }
        catch (CloudflaredTokenException ex)
        {
            return CommandOutcome.Failure(ex.Message);
        }
    }

    private async Task<CommandOutcome> TunnelAsync(MasterCommand command, bool redeploy, CancellationToken cancellationToken)
    {
        if (CommandPayload.ReadTunnel(command.Payload, out var problem) is not { } assignment)
        {
            return CommandOutcome.Failure($"{command.Action}: {problem}");
        }

        var report = redeploy
            ? await tunnel.RedeployAsync(assignment, cancellationToken).ConfigureAwait(false)
            : await tunnel.StartAsync(assignment, cancellationToken).ConfigureAwait(false);
        return Describe(report, expectRunning: true);
    }

    private async Task<CommandOutcome> UpdateImageAsync(MasterCommand command, CancellationToken cancellationToken)
    {
        var image = CommandPayload.Text(command.Payload, "image");
        if (image is null)
        {
            return CommandOutcome.Failure("update_image: the payload has no 'image'");
        }

        if (!DockerNames.IsImageReference(image))
        {
            return CommandOutcome.Failure($"update_image: '{image}' is not an image reference (name[:tag][@sha256:digest])");
        }

        var report = await tunnel.UpdateImageAsync(image, cancellationToken).ConfigureAwait(false);
        return report is null
            ? CommandOutcome.Success($"image {image} saved; no tunnel runs now, it is used at the next start")
            : Describe(report, expectRunning: true);
    }

    private async Task<CommandOutcome> ResyncAsync(string agentId, CancellationToken cancellationToken)
    {
        try
        {
            var count = await inventory.SendAsync(agentId, cancellationToken).ConfigureAwait(false);
            return CommandOutcome.Success($"inventory sent: {count} containers");
        }
        catch (ContainerRuntimeUnavailableException ex)
        {
            return CommandOutcome.Failure($"the Docker engine cannot be listed: {ex.Message}");
        }
        catch (Exception ex) when (ex is MasterUnavailableException or MasterRequestException)
        {
            return CommandOutcome.Failure($"the inventory was not taken: {ex.Message}");
        }
    }

    private CommandOutcome Describe(CloudflaredReport? report, bool expectRunning)
    {
        if (report is null)
        {
            return tunnel.Halted
                ? CommandOutcome.Failure("the agent no longer changes cloudflared (its key was refused or it was removed)")
                : CommandOutcome.Success("nothing to do");
        }

        var where = $"container {report.ContainerName ?? "(none)"}, image {report.Image ?? "(none)"}";
        if (expectRunning)
        {
            return report.State == CloudflaredReport.Running && report.Error is null
                ? CommandOutcome.Success($"cloudflared running ({where}, tunnel {report.TunnelId})")
                : CommandOutcome.Failure($"cloudflared is {report.State}: {report.Error ?? "not running"}");
        }

        return report.State is CloudflaredReport.Missing or CloudflaredReport.Stopped && report.Error is null
            ? CommandOutcome.Success("cloudflared stopped and removed")
            : CommandOutcome.Failure($"cloudflared is {report.State}: {report.Error ?? "still there"}");
    }
}
