using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth;

/// <summary>Sets up the API key at start, so that a generated key is printed before the master serves requests.</summary>
internal sealed class ApiKeyStartup(ApiKeyVault vault, ILogger<ApiKeyStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await vault.GetExpectedHashAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A boundary: storage that is down at start (Redis unreachable) must not stop the master. The vault
            // tries again on the first request that presents a key; until then requests are refused.
            log.LogWarning(ex, "The REST API key could not be set up yet; it is retried on the first request");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
