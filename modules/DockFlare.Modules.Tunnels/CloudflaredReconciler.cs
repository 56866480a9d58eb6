using System.Security.Cryptography;
using System.Text;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// One pass of "make the master's cloudflared container right" (F22, B34, B35): network present, container
/// present, current, attached and running. Makes no engine change when everything already matches.
/// </summary>
/// <remarks>
/// The token goes only into the <c>TUNNEL_TOKEN</c> environment variable: never the command, a label or a log.
/// Change is detected through a label holding a hash of image, token and command, because the engine reports the
/// image as resolved and never returns the environment in a form worth comparing. The network is deliberately not
/// part of that hash: a network change is applied by re-attaching (connect the new one, disconnect the one the
/// container was created on), and a label cannot be updated afterwards, so a hashed network would force a
/// re-create on the next pass anyway. Networks someone attached by hand are left attached.
/// <para>
/// The image is made present (pulled when missing) before a container is created or replaced; when that fails the
/// pass ends <see cref="CloudflaredState.Failed"/> and an existing container is left running as it is, since it is
/// only removed once its replacement's image is there. Containers DockFlare ran for another tunnel (left over after
/// <c>TUNNEL_NAME</c> changed) are reported in <see cref="CloudflaredStatus.Leftovers"/>, never removed.
/// </para>
/// <para>
/// Every container carries the id of the DockFlare instance that runs it (<see cref="InstanceLabel"/>), since the
/// name comes from the tunnel name only: two masters on one engine with the same <c>TUNNEL_NAME</c> (different
/// accounts, or sandbox instances) would otherwise replace each other's container on every pass. A container of
/// another instance is never replaced or removed (<see cref="CloudflaredState.Conflict"/>, with
/// <see cref="CloudflaredStatus.OtherInstance"/>) and never reported as a leftover; a managed container without the
/// label (created before it existed) is adopted by re-creating it with the label.
/// </para>
/// </remarks>
internal sealed class CloudflaredReconciler(
    TunnelsOptions options, IMasterTunnel tunnel, IContainerManager containers, string instanceId, IContainerRuntime? runtime = null)
{
    /// <summary>The label every container DockFlare runs carries; a container without it is never touched.</summary>
    public const string ManagedByLabel = "managed-by";

    /// <summary>The value of <see cref="ManagedByLabel"/>.</summary>
    public const string ManagedByValue = "dockflare";

    /// <summary>The hash of image, token and command the container was created with.</summary>
    public const string ConfigHashLabel = "dockflare.cloudflared.config-hash";

    /// <summary>The network the container was created on; detached when the configured network changes.</summary>
    public const string NetworkLabel = "dockflare.cloudflared.network";

    /// <summary>The Cloudflare id of the tunnel the container runs.</summary>
    public const string TunnelIdLabel = "dockflare.cloudflared.tunnel-id";

    /// <summary>The id of the DockFlare instance (state store setting <c>instance.id</c>) that runs the container.</summary>
    public const string InstanceLabel = "dockflare.cloudflared.instance";

    /// <summary>The logging driver of the container; its logs are rotated by <see cref="LogOptions"/>.</summary>
    public const string LogDriver = "json-file";

    /// <summary>The environment variable cloudflared reads its connector token from.</summary>
    public const string TokenVariable = "TUNNEL_TOKEN";

    /// <summary>How every managed cloudflared container name starts (see <see cref="CloudflaredContainerName"/>).</summary>
    public const string ContainerNamePrefix = "cloudflared-";

    /// <summary>cloudflared's arguments: a remotely managed tunnel, run by token from the environment.</summary>
    public static IReadOnlyList<string> DefaultCommand { get; } = ["tunnel", "--no-autoupdate", "run"];

    /// <summary>Log rotation of the container: at most three files of 10 MB.</summary>
    public static IReadOnlyDictionary<string, string> LogOptions { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["max-size"] = "10m", ["max-file"] = "3" };

    /// <summary>The command arguments; tests replace it with a stand-in's.</summary>
    public IReadOnlyList<string> Command { get; init; } = DefaultCommand;

    /// <summary>
    /// Ensures the container; the returned status has no time, and an error only when it is
    /// <see cref="CloudflaredState.Failed"/> because the image is missing and could not be pulled.
    /// </summary>
    /// <exception cref="ContainerRuntimeUnavailableException">Docker cannot be reached.</exception>
    /// <exception cref="ContainerOperationException">Docker refused an operation.</exception>
    /// <exception cref="Core.Reconciliation.ReconcileException">The tunnel or its token cannot be had from Cloudflare.</exception>
    public async Task<CloudflaredStatus> EnsureAsync(CancellationToken cancellationToken)
    {
        var known = await tunnel.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var token = await tunnel.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var name = CloudflaredContainerName.For(known.Name);
        var leftovers = await FindLeftoversAsync(name, known.Id, cancellationToken).ConfigureAwait(false);
        var network = options.CloudflaredNetworkName;
        var hash = ConfigHash(options.CloudflaredImage, token, Command);

        var existing = await containers.InspectContainerAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (await EnsureImageAsync(cancellationToken).ConfigureAwait(false) is { } missing)
            {
                return Status(CloudflaredState.Failed, name, null, CloudflaredChanges.None, leftovers) with { LastError = missing };
            }

            await containers.EnsureNetworkAsync(network, cancellationToken).ConfigureAwait(false);
            var id = await CreateAndStartAsync(name, known.Id, token, hash, cancellationToken).ConfigureAwait(false);
            return Status(CloudflaredState.Running, name, id, CloudflaredChanges.Created, leftovers);
        }

        var networkId = await containers.EnsureNetworkAsync(network, cancellationToken).ConfigureAwait(false);
        if (!IsManaged(existing))
        {
            return Status(CloudflaredState.Conflict, name, existing.Id, CloudflaredChanges.None, leftovers);
        }

        var owner = existing.Labels.GetValueOrDefault(InstanceLabel);
        if (!string.IsNullOrEmpty(owner) && !string.Equals(owner, instanceId, StringComparison.Ordinal))
        {
            // Another master's container: replacing it would put our token into it until that master puts its back.
            return Status(CloudflaredState.Conflict, name, existing.Id, CloudflaredChanges.None, leftovers) with { OtherInstance = owner };
        }

        // A container without the instance label predates it: it is adopted by re-creating it with the label.
        if (string.IsNullOrEmpty(owner)
            || !string.Equals(existing.Labels.GetValueOrDefault(ConfigHashLabel), hash, StringComparison.Ordinal)
            || await HasStaleNetworkAsync(existing, network, networkId, cancellationToken).ConfigureAwait(false))
        {
            // The old container goes only once the new one's image is there: a failed pull leaves it running.
            if (await EnsureImageAsync(cancellationToken).ConfigureAwait(false) is { } missing)
            {
                return Status(CloudflaredState.Failed, name, existing.Id, CloudflaredChanges.None, leftovers) with { LastError = missing };
            }

            await containers.RemoveContainerAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            var id = await CreateAndStartAsync(name, known.Id, token, hash, cancellationToken).ConfigureAwait(false);
            return Status(CloudflaredState.Running, name, id, CloudflaredChanges.Replaced, leftovers);
        }

        var changes = CloudflaredChanges.None;
        if (!existing.Networks.Any(n => n.Id == networkId || (n.Id.Length == 0 && n.Name == network)))
        {
            await containers.ConnectNetworkAsync(networkId, existing.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Reattached;
        }

        var createdOn = existing.Labels.GetValueOrDefault(NetworkLabel);
        if (createdOn is not null && createdOn != network
            && existing.Networks.FirstOrDefault(n => n.Name == createdOn) is { } old)
        {
            await containers.DisconnectNetworkAsync(old.Id, existing.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Reattached;
        }

        if (!existing.IsRunning)
        {
            await containers.StartContainerAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            changes |= CloudflaredChanges.Started;
        }

        return Status(CloudflaredState.Running, name, existing.Id, changes, leftovers);
    }

    /// <summary>Whether DockFlare created <paramref name="container"/>.</summary>
    public static bool IsManaged(ManagedContainerInfo container) =>
        container.Labels.TryGetValue(ManagedByLabel, out var value) && value == ManagedByValue;

    /// <summary>
    /// A short one-way fingerprint of what the container runs. It includes the token so that a rotated token
    /// replaces the container; SHA-256 of a high-entropy token reveals nothing usable.
    /// </summary>
    internal static string ConfigHash(string image, string token, IReadOnlyList<string> command)
    {
        var text = string.Join('\n', [image, token, .. command]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
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

    /// <summary>Makes the configured image present; returns why it is not, or null when it is.</summary>
    private async Task<string?> EnsureImageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await containers.EnsureImageAsync(options.CloudflaredImage, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ContainerOperationException ex)
        {
            return $"cloudflared image '{options.CloudflaredImage}' is not present and could not be pulled: {ex.Message}";
        }
    }

    /// <summary>
    /// The names of the cloudflared containers this instance (or DockFlare before instances were labelled) ran for a
    /// tunnel other than <paramref name="tunnelId"/>, in name order; empty when no container runtime is available to
    /// list them. Other instances' containers are theirs to manage.
    /// </summary>
    private async Task<IReadOnlyList<string>> FindLeftoversAsync(string currentName, string tunnelId, CancellationToken cancellationToken)
    {
        if (runtime is null)
        {
            return [];
        }

        var listed = await runtime.ListContainersAsync([ManagedByLabel], includeStopped: true, cancellationToken).ConfigureAwait(false);
        return listed
            .Where(c => c.Labels.TryGetValue(ManagedByLabel, out var by) && by == ManagedByValue
                        && c.Name.StartsWith(ContainerNamePrefix, StringComparison.Ordinal)
                        && !string.Equals(c.Name, currentName, StringComparison.Ordinal)
                        && (!c.Labels.TryGetValue(InstanceLabel, out var owner) || string.IsNullOrEmpty(owner)
                            || string.Equals(owner, instanceId, StringComparison.Ordinal))
                        && !string.Equals(c.Labels.GetValueOrDefault(TunnelIdLabel), tunnelId, StringComparison.Ordinal))
            .Select(c => c.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task<string> CreateAndStartAsync(
        string name, string tunnelId, string token, string hash, CancellationToken cancellationToken)
    {
        var spec = new ManagedContainerSpec(
            name,
            options.CloudflaredImage,
            Command,
            new Dictionary<string, string>(StringComparer.Ordinal) { [TokenVariable] = token },
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ManagedByLabel] = ManagedByValue,
                [ConfigHashLabel] = hash,
                [NetworkLabel] = options.CloudflaredNetworkName,
                [TunnelIdLabel] = tunnelId,
                [InstanceLabel] = instanceId,
            },
            options.CloudflaredNetworkName)
        {
            LogDriver = LogDriver,
            LogOptions = LogOptions,
        };
        var id = await containers.CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        await containers.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private static CloudflaredStatus Status(
        CloudflaredState state, string name, string? id, CloudflaredChanges changes, IReadOnlyList<string> leftovers) =>
        new(state, name, id, null, changes, null) { Leftovers = leftovers };
}
