using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Plugins.Docker;

/// <summary>
/// The containers DockFlare runs itself (the master's cloudflared), through Docker.DotNet. Networks are
/// created as plain bridge networks labelled <c>managed-by=dockflare</c>. Images are pulled only through
/// <see cref="EnsureImageAsync"/>, anonymously (no registry credentials are ever sent).
/// </summary>
internal sealed class DockerContainerManager(DockerContainerRuntime runtime) : IContainerManager
{
    private const int StopGraceSeconds = 10;

    /// <summary>The longest a pull may take before it is given up as failed.</summary>
    internal static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(10);

    private DockerClient Client => runtime.Client;

    public async Task<string> EnsureNetworkAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (await FindNetworkAsync(name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            var created = await Call($"create network '{name}'", () => Client.Networks.CreateNetworkAsync(
                new NetworksCreateParameters
                {
                    Name = name,
                    Driver = "bridge",
                    CheckDuplicate = true,
                    Labels = new Dictionary<string, string> { ["managed-by"] = "dockflare" },
                },
                cancellationToken)).ConfigureAwait(false);
            return created.ID;
        }
        catch (ContainerOperationException)
        {
            // Someone else may have created it between our look-up and our create: theirs is as good as ours.
            if (await FindNetworkAsync(name, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    public async Task<string?> FindNetworkAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // The engine's name filter matches substrings, so the answer is narrowed to the exact name here.
        var listed = await Call($"list networks named '{name}'", () => Client.Networks.ListNetworksAsync(
            new NetworksListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["name"] = new Dictionary<string, bool> { [name] = true },
                },
            },
            cancellationToken)).ConfigureAwait(false);
        return listed.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal))?.ID;
    }

    public async Task<ManagedContainerInfo?> InspectContainerAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ContainerInspectResponse found;
        try
        {
            found = await Call($"inspect container '{name}'", () => Client.Containers.InspectContainerAsync(name, cancellationToken))
                .ConfigureAwait(false);
        }
        catch (ContainerOperationException ex) when (ex.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }

        // The engine also resolves id prefixes; only an exact name is the container asked for.
        var foundName = found.Name?.TrimStart('/') ?? "";
        if (!string.Equals(foundName, name, StringComparison.Ordinal))
        {
            return null;
        }

        var networks = found.NetworkSettings?.Networks is { } attached
            ? attached.OrderBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => new ContainerNetworkAttachment(n.Key, n.Value?.NetworkID ?? ""))
                .ToList()
            : [];
        return new ManagedContainerInfo(
            found.ID,
            foundName,
            found.Config?.Image ?? "",
            found.State?.Status ?? "",
            found.Config?.Labels is { } labels
                ? new Dictionary<string, string>(labels, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            networks,
            RestartPolicyWord(found.HostConfig?.RestartPolicy?.Name));
    }

    public async Task EnsureImageAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (await IsImagePresentAsync(image, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var (repository, tagOrDigest) = SplitReference(image);
        var errors = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PullTimeout);
        try
        {
            // Progress is reported synchronously so that the errors are all collected when the call returns.
            await Call($"pull image '{image}'", () => Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tagOrDigest },
                null,
                new SynchronousProgress<JSONMessage>(message =>
                {
                    var error = message.Error?.Message is { Length: > 0 } detail ? detail : message.ErrorMessage;
                    if (!string.IsNullOrWhiteSpace(error))
                    {
                        errors.Add(error.Trim());
                    }
                }),
                timeout.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ContainerOperationException(
                $"The Docker engine at {runtime.Endpoint} could not pull image '{image}': no answer within {PullTimeout}", ex);
        }

        // The engine answers 200 and then streams a pull failure; it is only an error in the stream.
        if (errors.Count > 0)
        {
            throw new ContainerOperationException(
                $"The Docker engine at {runtime.Endpoint} could not pull image '{image}': {string.Join("; ", errors.Distinct(StringComparer.Ordinal))}");
        }

        if (!await IsImagePresentAsync(image, cancellationToken).ConfigureAwait(false))
        {
            throw new ContainerOperationException(
                $"The Docker engine at {runtime.Endpoint} reported pulling image '{image}', but the image is still not present");
        }
    }

    /// <summary>
    /// Splits an image reference into what the engine's pull takes: the repository, and the tag or digest
    /// (<c>latest</c> when the reference names neither). A reference with both keeps only the digest.
    /// </summary>
    internal static (string Repository, string TagOrDigest) SplitReference(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');

        // A colon before the last slash is a registry port (registry:5000/name), not a tag.
        var tag = colon > lastSlash ? name[(colon + 1)..] : null;
        var repository = colon > lastSlash ? name[..colon] : name;
        return at >= 0 ? (repository, image[(at + 1)..])
            : (repository, string.IsNullOrEmpty(tag) ? "latest" : tag);
    }

    public async Task<string> CreateContainerAsync(ManagedContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parameters = new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            Cmd = spec.Command.ToList(),
            Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal),
            HostConfig = new HostConfig
            {
                NetworkMode = spec.Network,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
                LogConfig = spec.LogDriver is null && spec.LogOptions is null
                    ? null
                    : new LogConfig
                    {
                        // An empty type is the engine's default driver, which then gets the options.
                        Type = spec.LogDriver ?? "",
                        Config = spec.LogOptions is { } options
                            ? new Dictionary<string, string>(options, StringComparer.Ordinal)
                            : new Dictionary<string, string>(StringComparer.Ordinal),
                    },
            },
        };
        var created = await Call($"create {spec}", () => Client.Containers.CreateContainerAsync(parameters, cancellationToken))
            .ConfigureAwait(false);
        return created.ID;
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Call($"start container '{containerId}'", () => Client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken));

    public async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await Call($"stop container '{containerId}'", () => Client.Containers.StopContainerAsync(
                containerId, new ContainerStopParameters { WaitBeforeKillSeconds = StopGraceSeconds }, cancellationToken)).ConfigureAwait(false);
            await Call($"remove container '{containerId}'", () => Client.Containers.RemoveContainerAsync(
                containerId, new ContainerRemoveParameters { Force = true }, cancellationToken)).ConfigureAwait(false);
        }
        catch (ContainerOperationException ex) when (ex.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            // Already gone: that is what was asked for.
        }
    }

    public Task ConnectNetworkAsync(string networkId, string containerId, CancellationToken cancellationToken) =>
        Call($"connect container '{containerId}' to network '{networkId}'", () => Client.Networks.ConnectNetworkAsync(
            networkId, new NetworkConnectParameters { Container = containerId }, cancellationToken));

    public Task DisconnectNetworkAsync(string networkId, string containerId, CancellationToken cancellationToken) =>
        Call($"disconnect container '{containerId}' from network '{networkId}'", () => Client.Networks.DisconnectNetworkAsync(
            networkId, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellationToken));

    private async Task<bool> IsImagePresentAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await Call($"inspect image '{image}'", () => Client.Images.InspectImageAsync(image, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (ContainerOperationException ex) when (ex.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return false;
        }
    }

    private static string RestartPolicyWord(RestartPolicyKind? kind) => kind switch
    {
        RestartPolicyKind.No => "no",
        RestartPolicyKind.Always => "always",
        RestartPolicyKind.OnFailure => "on-failure",
        RestartPolicyKind.UnlessStopped => "unless-stopped",
        _ => "",
    };

    private async Task Call(string operation, Func<Task> call) =>
        await Call(operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            // The response body is the engine's error text; it never echoes a request's environment.
            throw new ContainerOperationException(
                $"The Docker engine at {runtime.Endpoint} refused to {operation}: {(int)ex.StatusCode} {ex.ResponseBody?.Trim()}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TimeoutException or IOException
                                       || ex is TaskCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            throw new ContainerRuntimeUnavailableException(
                $"The Docker engine at {runtime.Endpoint} did not answer ({operation}): {ex.Message}", ex);
        }
    }

    /// <summary>Hands every report to <paramref name="report"/> on the reporting thread (<see cref="Progress{T}"/> would post it).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
