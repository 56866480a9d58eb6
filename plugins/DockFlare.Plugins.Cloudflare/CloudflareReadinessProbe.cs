using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Reports whether the configured token verifies. The answer is cached for a minute so that a
/// readiness poller cannot spend the account's API budget.
/// </summary>
internal sealed class CloudflareReadinessProbe(CloudflareSettings settings, ICloudflareTokenVerifier verifier, TimeProvider clock)
    : IReadinessProbe, IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ReadinessResult Result)? _cached;

    public string Name => "cloudflare";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (settings.ApiToken is null)
        {
            return ReadinessResult.Degraded($"{CloudflareSettings.TokenSetting} is not set: Cloudflare is not configured");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } hit && clock.GetUtcNow() - hit.At < CacheFor)
            {
                return hit.Result;
            }

            var result = await Verify(cancellationToken).ConfigureAwait(false);
            _cached = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ReadinessResult> Verify(CancellationToken cancellationToken)
    {
        try
        {
            var verification = await verifier.VerifyAsync(settings.ApiToken!, settings.AccountId, cancellationToken).ConfigureAwait(false);
            return verification.IsActive
                ? ReadinessResult.Ready($"token active at {settings.ApiBaseUrl}")
                : ReadinessResult.Unavailable($"token not usable: {verification.Status}");
        }
        catch (HttpRequestException ex)
        {
            return ReadinessResult.Unavailable($"{settings.ApiBaseUrl} did not answer: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReadinessResult.Unavailable($"{settings.ApiBaseUrl} timed out");
        }
        catch (CloudflareApiException ex) when (ex.IsTransient)
        {
            return ReadinessResult.Unavailable(ex.StatusCode is null
                ? $"{settings.ApiBaseUrl} did not answer"
                : $"{settings.ApiBaseUrl} answered HTTP {ex.StatusCode}");
        }
    }
}
