using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Plugins.Docker;

/// <summary>The Docker Engine, reached through Docker.DotNet.</summary>
internal sealed class DockerContainerRuntime : IContainerRuntime, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly DockerClient _client;

    public DockerContainerRuntime(DockerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _client = new DockerClientConfiguration(endpoint.Uri, defaultTimeout: RequestTimeout).CreateClient();
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The engine client, shared with the container manager (one connection pool per engine).</summary>
    internal DockerClient Client => _client;

    public async Task<IReadOnlyList<ContainerSnapshot>> ListContainersAsync(
        IReadOnlyCollection<string> anyOfLabelKeys,
        bool includeStopped,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anyOfLabelKeys);

        // The engine ANDs label filters, so "any of" takes one call per key, merged by id.
        var queries = anyOfLabelKeys.Count == 0
            ? [new ContainersListParameters { All = includeStopped }]
            : anyOfLabelKeys.Distinct(StringComparer.Ordinal).Select(key => new ContainersListParameters
            {
                All = includeStopped,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [key] = true },
                },
            }).ToList();

        var byId = new Dictionary<string, ContainerSnapshot>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var listed = await Call(() => _client.Containers.ListContainersAsync(query, cancellationToken)).ConfigureAwait(false);
            foreach (var container in listed)
            {
                byId.TryAdd(container.ID, ToSnapshot(container));
            }
        }

        return byId.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        Call(() => _client.System.PingAsync(cancellationToken));

    public Task<VersionResponse> GetVersionAsync(CancellationToken cancellationToken) =>
        Call(() => _client.System.GetVersionAsync(cancellationToken));

    public Task MonitorEventsAsync(ContainerEventsParameters parameters, IProgress<Message> progress, CancellationToken cancellationToken) =>
        _client.System.MonitorEventsAsync(parameters, progress, cancellationToken);

    public void Dispose() => _client.Dispose();

    private static ContainerSnapshot ToSnapshot(ContainerListResponse container) => new(
        container.ID,
        container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID[..Math.Min(12, container.ID.Length)],
        container.Image ?? "",
        container.State ?? "",
        container.Labels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(container.Labels, StringComparer.Ordinal),
        new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc)))
    {
        Networks = container.NetworkSettings?.Networks is { } networks
            ? networks.Keys.Order(StringComparer.Ordinal).ToList()
            : [],
    };

    private async Task Call(Func<Task> call)
    {
        await Call(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TimeoutException or IOException
                                       || ex is TaskCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            throw new ContainerRuntimeUnavailableException(
                $"The Docker engine at {Endpoint} did not answer: {ex.Message}", ex);
        }
    }
}
