using DockFlare.Host.Web.Cloudflare;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DockFlare.Host.Health;

/// <summary>
/// Where the Cloudflare account comes from, and unhealthy when credentials entered in the UI could not be read at
/// start (Redis away, or the Data Protection keys lost): the master would otherwise run quietly without Cloudflare.
/// </summary>
internal sealed class CloudflareCredentialsHealthCheck(CloudflareCredentialSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.LoadProblem is { } problem
            ? HealthCheckResult.Unhealthy(problem + " Restart the master once the store is reachable, or enter the credentials again in Settings and restart.")
            : HealthCheckResult.Healthy(source.Origin switch
            {
                CloudflareCredentialOrigin.Sandbox => "sandbox",
                CloudflareCredentialOrigin.Environment => "from CF_API_TOKEN and CF_ACCOUNT_ID",
                CloudflareCredentialOrigin.Stored => "entered in the UI (stored encrypted)",
                _ => "none set",
            }));
}
