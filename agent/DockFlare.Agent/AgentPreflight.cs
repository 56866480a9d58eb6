using Docker.DotNet;

namespace DockFlare.Agent;

/// <summary>Checks that the agent can reach what it needs: its Docker engine and the master.</summary>
internal sealed class AgentPreflight(AgentSettings settings, HttpClient http, ILogger<AgentPreflight> log)
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var docker = await CheckDockerAsync(cancellationToken).ConfigureAwait(false);
        var master = await CheckMasterAsync(cancellationToken).ConfigureAwait(false);
        return docker && master;
    }

    private async Task<bool> CheckDockerAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new DockerClientConfiguration(new Uri(settings.DockerHost), defaultTimeout: TimeSpan.FromSeconds(10)).CreateClient();
            var version = await client.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            log.LogInformation("Docker {DockerVersion} answers at {DockerHost}", version.Version, settings.DockerHost);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or DockerApiException
                                       || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.LogError("Docker at {DockerHost} does not answer: {Reason}", settings.DockerHost, ex.Message);
            return false;
        }
    }

    private async Task<bool> CheckMasterAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(settings.MasterUri, "/healthz");
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                log.LogInformation("The master answers at {MasterUrl}", settings.MasterUri);
                return true;
            }

            log.LogError("The master at {MasterUrl} answered HTTP {Status} on /healthz", settings.MasterUri, (int)response.StatusCode);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.LogError("The master at {MasterUrl} does not answer: {Reason}", settings.MasterUri, ex.Message);
            return false;
        }
    }
}
