using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// Makes one cloudflared container right for a <see cref="CloudflaredTarget"/> (F22, B29, B33, B34, B35): token checked,
/// image present, network present, container present, current, attached and running. Shared by the master's supervisor
/// and the agent's controller; it holds no state, so callers serialise their passes.
/// </summary>
/// <remarks>
/// <para>
/// <b>Token.</b> It is checked first (<see cref="TunnelTokenCheck"/>), and goes only into <c>TUNNEL_TOKEN</c>: never the
/// command, a label or a message. Change is detected through a label holding a hash of image, token and command, because
/// the engine reports the image as resolved and never returns the environment. The network is deliberately not part of
/// that hash: a network change is applied by re-attaching (connect the new one, disconnect the one the container was
/// created on); networks someone attached by hand are left attached. A network that was removed and created again
/// (the container holds its old id, B34-1) is a reason to replace.
/// </para>
/// <para>
/// <b>Which containers are ours.</b> A container belongs to the target when it carries <c>managed-by=dockflare</c> and the
/// owner label (<see cref="CloudflaredLabels.Instance"/>) of the target's instance or agent. Two names are used (slots, see
/// <see cref="CloudflaredContainerName"/>): <c>&lt;name&gt;</c> and <c>&lt;name&gt;-b</c>. A slot container without an owner
/// label predates the label and is adopted (by replacing it); one that is not DockFlare's or belongs to another owner is
/// never touched (<see cref="CloudflaredState.Conflict"/>). Containers of the same owner and tunnel under any other name are
/// duplicate connectors and are removed once the right one runs; those of the same owner for another tunnel (left after
/// <c>TUNNEL_NAME</c> changed) are only reported in <see cref="CloudflaredStatus.Leftovers"/>.
/// </para>
/// <para>
/// <b>Replacement (B29).</b> The new container is created in the free slot and started while the old one keeps running; after
/// <see cref="SettleDelay"/> (looked at several times meanwhile) it must still run, and only then is the old one removed. A new container that does
/// not keep running is removed again and the old one is left as it was (<see cref="CloudflaredState.Failed"/>). When the
/// engine refuses to remove the old one (a socket proxy forbidding DELETE), the new one is kept (it runs the current
/// configuration) and the pass ends <see cref="CloudflaredState.Failed"/> with an error naming the old container, which then
/// still serves the tunnel beside it; every later pass tries the removal again. The tunnel is never left without a
/// connector by a replacement. Known limit: the engine's view is sampled, so a container that crashes only after the settle
/// delay, or is restarted between two looks every time, is taken as running.
/// </para>
/// <para>
/// <b>Image.</b> It is made present (pulled when missing) before a container is created or replaced; when that fails the pass
/// ends <see cref="CloudflaredState.Failed"/> and nothing is changed.
/// </para>
/// </remarks>
internal sealed class CloudflaredRunner(IContainerManager containers, IContainerRuntime? runtime = null, TimeProvider? clock = null)
{
    /// <summary>How often a new container is looked at while it settles.</summary>
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The logging driver of the container; its logs are rotated by <see cref="LogOptions"/>.</summary>
    public const string LogDriver = "json-file";

    /// <summary>The environment variable cloudflared reads its connector token from.</summary>
    public const string TokenVariable = "TUNNEL_TOKEN";

    /// <summary>How every managed cloudflared container name starts (see <see cref="CloudflaredContainerName"/>).</summary>
    public const string ContainerNamePrefix = "cloudflared-";

    /// <summary>How long a new container must keep running before the one it replaces is removed, by default.</summary>
    public static TimeSpan DefaultSettleDelay { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Log rotation of the container: at most three files of 10 MB.</summary>
    public static IReadOnlyDictionary<string, string> LogOptions { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["max-size"] = "10m", ["max-file"] = "3" };

    /// <summary>How long a replacement must keep running before the old container is removed; tests shorten it.</summary>
    public TimeSpan SettleDelay { get; init; } = DefaultSettleDelay;

    /// <summary>Makes the container run <paramref name="target"/>; no engine change when it already does.</summary>
    /// <returns>What was found and done; <see cref="CloudflaredStatus.CheckedAt"/> is null.</returns>
    /// <exception cref="InvalidTunnelTokenException">The token does not decode or names another tunnel; nothing was touched.</exception>
    /// <exception cref="ContainerRuntimeUnavailableException">Docker cannot be reached.</exception>
    /// <exception cref="ContainerOperationException">Docker refused an operation the pass cannot work around.</exception>
    public Task<CloudflaredStatus> EnsureAsync(CloudflaredTarget target, CancellationToken cancellationToken) =>
        RunAsync(target, replace: false, cancellationToken);

    /// <summary>Replaces the container even when it matches (a redeploy): create new, check it runs, remove old.</summary>
    /// <inheritdoc cref="EnsureAsync" path="/exception"/>
    public Task<CloudflaredStatus> RedeployAsync(CloudflaredTarget target, CancellationToken cancellationToken) =>
        RunAsync(target, replace: true, cancellationToken);

    /// <summary>Removes every container of <paramref name="owner"/> in the slots of <paramref name="name"/> and, with a runtime, under any name.</summary>
    /// <returns><see cref="CloudflaredState.Missing"/>, or <see cref="CloudflaredState.Failed"/> when a removal was refused.</returns>
    /// <exception cref="ContainerRuntimeUnavailableException">Docker cannot be reached.</exception>
    public async Task<CloudflaredStatus> RemoveAsync(string name, string owner, CancellationToken cancellationToken)
    {
        var found = await CloudflaredInventory.FindAsync(containers, runtime, name, owner, null, cancellationToken).ConfigureAwait(false);
        var all = found.Ours.Select(c => (c.Id, c.Name)).Concat(found.Extras).DistinctBy(c => c.Id).ToList();
        var error = await RemoveEachAsync(all, null, cancellationToken).ConfigureAwait(false);
        var changes = all.Count > 0 ? CloudflaredChanges.Removed : CloudflaredChanges.None;
        return new CloudflaredStatus(error is null ? CloudflaredState.Missing : CloudflaredState.Failed, name, null, error, changes, null);
    }

    /// <summary>What runs now in the slots of <paramref name="name"/> for <paramref name="owner"/> (one or two inspects, no change).</summary>
    /// <exception cref="ContainerRuntimeUnavailableException">Docker cannot be reached.</exception>
    public async Task<CloudflaredStatus> InspectAsync(string name, string owner, CancellationToken cancellationToken)
    {
        var found = await CloudflaredInventory.FindAsync(containers, null, name, owner, null, cancellationToken).ConfigureAwait(false);
        if (found.Preferred.FirstOrDefault() is { } current)
        {
            return Status(current.IsRunning ? CloudflaredState.Running : CloudflaredState.Stopped, current, CloudflaredChanges.None, found);
        }

        return found.Blocking is { } blocking
            ? Conflict(blocking, found)
            : new CloudflaredStatus(CloudflaredState.Missing, name, null, null, CloudflaredChanges.None, null);
    }

    /// <summary>
    /// A short one-way fingerprint of what the container runs. It includes the token so that a rotated token
    /// replaces the container; SHA-256 of a high-entropy token reveals nothing usable.
    /// </summary>
    internal static string ConfigHash(string image, string token, IReadOnlyList<string> command)
    {
        var text = string.Join('\n', [image, token, .. command]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private async Task<CloudflaredStatus> RunAsync(CloudflaredTarget target, bool replace, CancellationToken cancellationToken)
    {
        var token = TunnelTokenCheck.Check(target.Token, target.TunnelId);
        var found = await CloudflaredInventory.FindAsync(
            containers, runtime, target.ContainerName, target.InstanceId, target.TunnelId, cancellationToken).ConfigureAwait(false);
        if (found.Blocking is { } blocking)
        {
            return Conflict(blocking, found);
        }

        var hash = ConfigHash(target.Image, token, target.Command);
        if (found.Ours.Count == 0)
        {
            if (await EnsureImageAsync(target.Image, cancellationToken).ConfigureAwait(false) is { } missing)
            {
                return new CloudflaredStatus(CloudflaredState.Failed, target.ContainerName, null, missing, CloudflaredChanges.None, null)
                { Leftovers = found.Leftovers };
            }

            await containers.EnsureNetworkAsync(target.Network, cancellationToken).ConfigureAwait(false);
            var id = await CreateAndStartAsync(target.ContainerName, target, token, hash, cancellationToken).ConfigureAwait(false);

            // Duplicates under other names go only once the new one is seen running, as in a replacement.
            if (found.Extras.Count > 0
                && await VerifyAsync(target.ContainerName, id, found.Extras[0].Name, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return new CloudflaredStatus(CloudflaredState.Failed, target.ContainerName, null, failed, CloudflaredChanges.None, null)
                { Leftovers = found.Leftovers };
            }

            return await FinishAsync(target, target.ContainerName, id, CloudflaredChanges.Created, found.Extras, found, cancellationToken).ConfigureAwait(false);
        }

        var networkId = await containers.EnsureNetworkAsync(target.Network, cancellationToken).ConfigureAwait(false);
        ManagedContainerInfo? current = null;
        foreach (var candidate in replace ? Enumerable.Empty<ManagedContainerInfo>() : found.Preferred)
        {
            if (await FitsAsync(candidate, hash, target.Network, networkId, cancellationToken).ConfigureAwait(false))
            {
                current = candidate;
                break;
            }
        }

        if (current is null)
        {
            return await ReplaceAsync(target, token, hash, found, cancellationToken).ConfigureAwait(false);
        }

        var changes = await AlignAsync(current, target.Network, networkId, cancellationToken).ConfigureAwait(false);
        var duplicates = found.Ours.Where(c => c.Id != current.Id).Select(c => (c.Id, c.Name)).Concat(found.Extras).ToList();
        return await FinishAsync(target, current.Name, current.Id, changes, duplicates, found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Create new in the free slot, check it keeps running, then remove the old ones (B29).</summary>
    private async Task<CloudflaredStatus> ReplaceAsync(
        CloudflaredTarget target, string token, string hash, CloudflaredInventory found, CancellationToken cancellationToken)
    {
        var remaining = found.Ours.ToList();
        var previous = found.Preferred.First();
        if (await EnsureImageAsync(target.Image, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return Status(CloudflaredState.Failed, previous, CloudflaredChanges.None, found) with { LastError = missing };
        }

        string[] slots = [target.ContainerName, CloudflaredContainerName.Alternate(target.ContainerName)];
        var free = slots.FirstOrDefault(s => remaining.All(c => c.Name != s));
        if (free is null)
        {
            // Both slots hold our containers and neither is right: free the one that serves least; the other keeps serving.
            var victim = remaining.FirstOrDefault(c => !c.IsRunning) ?? remaining.First(c => c.Id != previous.Id);
            if (await RemoveEachAsync([(victim.Id, victim.Name)], previous.Name, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return Status(CloudflaredState.Failed, previous, CloudflaredChanges.None, found) with { LastError = refused };
            }

            remaining.Remove(victim);
            previous = remaining[0];
            free = victim.Name;
        }

        var id = await CreateAndStartAsync(free, target, token, hash, cancellationToken).ConfigureAwait(false);
        if (await VerifyAsync(free, id, previous.Name, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return Status(CloudflaredState.Failed, previous, CloudflaredChanges.None, found) with { LastError = failed };
        }

        var old = remaining.Select(c => (c.Id, c.Name)).Concat(found.Extras).ToList();
        return await FinishAsync(target, free, id, CloudflaredChanges.Replaced, old, found, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits <see cref="SettleDelay"/> and checks that the new container still runs; when it does not, removes it again and
    /// returns why (the previous container <paramref name="previousName"/> is left as it was). Null when it runs.
    /// </summary>
    private async Task<string?> VerifyAsync(string name, string id, string previousName, CancellationToken cancellationToken)
    {
        // Looked at every SettlePoll, not once: with its restart policy a container that exits at once is restarted and
        // may be caught "running" for a few milliseconds, but spends most of its time "restarting".
        var waited = TimeSpan.Zero;
        ManagedContainerInfo? started;
        do
        {
            var step = SettleDelay - waited < SettlePoll ? SettleDelay - waited : SettlePoll;
            if (step > TimeSpan.Zero)
            {
                await Task.Delay(step, cancellationToken).ConfigureAwait(false);
            }

            waited += step;
            started = await containers.InspectContainerAsync(name, cancellationToken).ConfigureAwait(false);
        }
        while (started is not null && started.Id == id && started.IsRunning && waited < SettleDelay);

        if (started is not null && started.Id == id && started.IsRunning)
        {
            return null;
        }

        var cleanup = await RemoveEachAsync([(id, name)], null, cancellationToken).ConfigureAwait(false) is { } notRemoved
            ? $"it could not be removed either ({notRemoved})"
            : "it was removed again";
        return $"the new cloudflared container '{name}' did not keep running (state '{started?.State ?? "gone"}' {waited.TotalSeconds:0.#} s after its start) and {cleanup}; the previous container '{previousName}' is left as it was";
    }

    /// <summary>Removes the duplicates of the container that now runs and builds the pass's answer.</summary>
    private async Task<CloudflaredStatus> FinishAsync(
        CloudflaredTarget target, string name, string id, CloudflaredChanges changes,
        IReadOnlyList<(string Id, string Name)> duplicates, CloudflaredInventory found, CancellationToken cancellationToken)
    {
        var error = await RemoveEachAsync(duplicates, name, cancellationToken).ConfigureAwait(false);
        if (duplicates.Count > 0 && !changes.HasFlag(CloudflaredChanges.Replaced))
        {
            changes |= CloudflaredChanges.Removed;
        }

        return new CloudflaredStatus(error is null ? CloudflaredState.Running : CloudflaredState.Failed, name, id, error, changes, null)
        {
            Leftovers = found.Leftovers,
            Image = target.Image,
            TunnelId = target.TunnelId,
        };
    }

    /// <summary>Removes each container; returns why any removal was refused (naming it), or null when all went.</summary>
    private async Task<string?> RemoveEachAsync(
        IReadOnlyList<(string Id, string Name)> victims, string? runningName, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var (id, name) in victims)
        {
            try
            {
                await containers.RemoveContainerAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerOperationException ex)
            {
                errors.Add(runningName is null
                    ? $"the cloudflared container '{name}' could not be removed: {ex.Message}"
                    : $"the old cloudflared container '{name}' could not be removed: {ex.Message}; it may still serve the tunnel beside '{runningName}' (two connectors). Allow container removal (DELETE) through the Docker socket proxy, or remove '{name}' by hand");
            }
        }

        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>Whether <paramref name="container"/> runs the current configuration on a network that still exists.</summary>
    private async Task<bool> FitsAsync(
        ManagedContainerInfo container, string hash, string network, string networkId, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(container.Labels.GetValueOrDefault(CloudflaredLabels.Instance))
        && string.Equals(container.Labels.GetValueOrDefault(CloudflaredLabels.ConfigHash), hash, StringComparison.Ordinal)
        && !await HasStaleNetworkAsync(container, network, networkId, cancellationToken).ConfigureAwait(false);

    /// <summary>Attaches the configured network, detaches the one it was created on, and starts it when stopped.</summary>
    private async Task<CloudflaredChanges> AlignAsync(
        ManagedContainerInfo container, string network, string networkId, CancellationToken cancellationToken)
    {
        var changes = CloudflaredChanges.None;
        if (!container.Networks.Any(n => n.Id == networkId || (n.Id.Length == 0 && n.Name == network)))
        {
            await containers.ConnectNetworkAsync(networkId, container.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Reattached;
        }

        var createdOn = container.Labels.GetValueOrDefault(CloudflaredLabels.Network);
        if (createdOn is not null && createdOn != network
            && container.Networks.FirstOrDefault(n => n.Name == createdOn) is { } old)
        {
            await containers.DisconnectNetworkAsync(old.Id, container.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Reattached;
        }

        if (!container.IsRunning)
        {
            await containers.StartContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Started;
        }

        return changes;
    }

    /// <summary>
    /// Whether the container holds a network id that no longer exists (the network was removed and created
    /// again: the container cannot start, B34-1). Only a re-create gets rid of such an attachment.
    /// </summary>
    private async Task<bool> HasStaleNetworkAsync(
        ManagedContainerInfo container, string network, string networkId, CancellationToken cancellationToken)
    {
        foreach (var attachment in container.Networks)
        {
            var current = attachment.Name == network
                ? networkId
                : await containers.FindNetworkAsync(attachment.Name, cancellationToken).ConfigureAwait(false);
            // An empty id is a container that never started: the engine resolves the name at start.
            if (attachment.Id.Length > 0 && current != attachment.Id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes the image present; returns why it is not, or null when it is.</summary>
    private async Task<string?> EnsureImageAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await containers.EnsureImageAsync(image, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ContainerOperationException ex)
        {
            return $"cloudflared image '{image}' is not present and could not be pulled: {ex.Message}";
        }
    }

    private async Task<string> CreateAndStartAsync(
        string name, CloudflaredTarget target, string token, string hash, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(target.ExtraLabels, StringComparer.Ordinal)
        {
            [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
            [CloudflaredLabels.ConfigHash] = hash,
            [CloudflaredLabels.Network] = target.Network,
            [CloudflaredLabels.TunnelId] = target.TunnelId,
            [CloudflaredLabels.Instance] = target.InstanceId,
            [CloudflaredLabels.DeployedAt] = (clock ?? TimeProvider.System).GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var spec = new ManagedContainerSpec(
            name,
            target.Image,
            target.Command,
            new Dictionary<string, string>(StringComparer.Ordinal) { [TokenVariable] = token },
            labels,
            target.Network)
        {
            LogDriver = LogDriver,
            LogOptions = LogOptions,
        };
        var id = await containers.CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        await containers.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private static CloudflaredStatus Conflict(ManagedContainerInfo blocking, CloudflaredInventory found) =>
        Status(CloudflaredState.Conflict, blocking, CloudflaredChanges.None, found) with
        {
            OtherInstance = CloudflaredInventory.IsManaged(blocking.Labels) ? blocking.Labels.GetValueOrDefault(CloudflaredLabels.Instance) : null,
            Image = null,
            TunnelId = null,
        };

    private static CloudflaredStatus Status(
        CloudflaredState state, ManagedContainerInfo container, CloudflaredChanges changes, CloudflaredInventory found) =>
        new(state, container.Name, container.Id, null, changes, null)
        {
            Leftovers = found.Leftovers,
            Image = container.Image,
            TunnelId = container.Labels.GetValueOrDefault(CloudflaredLabels.TunnelId),
        };
}
