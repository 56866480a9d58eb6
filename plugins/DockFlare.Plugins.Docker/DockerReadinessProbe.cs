using DockFlare.Plugins.Abstractions;

namespace DockFlare.Plugins.Docker;

/// <summary>Reports whether the Docker engine answers, and its version.</summary>
internal sealed class DockerReadinessProbe(DockerContainerRuntime runtime) : IReadinessProbe
{
    public string Name => "docker";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await runtime.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            return ReadinessResult.Ready($"Docker {version.Version} (API {version.APIVersion}) at {runtime.Endpoint}");
        }
        catch (ContainerRuntimeUnavailableException ex)
        {
            return ReadinessResult.Unavailable(ex.Message);
        }
        catch (global::Docker.DotNet.DockerApiException ex)
        {
            return ReadinessResult.Unavailable($"The Docker engine at {runtime.Endpoint} answered {(int)ex.StatusCode}: {ex.ResponseBody}");
        }
    }
}
