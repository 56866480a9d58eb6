using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Host.Web.DryRun;

/// <summary>
/// The dry run for the UI's pages: a page must say why there is no plan (Cloudflare not configured or not readable)
/// rather than fail, so those failures become a message.
/// </summary>
internal sealed class PreviewReader(IReconciler reconciler, ILogger<PreviewReader> log)
{
    /// <returns>The preview, or null and the reason there is none.</returns>
    public async Task<(ReconcilePreview? Preview, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await reconciler.PreviewAsync(cancellationToken), null);
        }
        catch (Exception exception) when (exception is ReconcileException or CloudflareApiException or HttpRequestException or TimeoutException)
        {
            log.LogWarning("The dry run for the UI failed: {Error}", exception.Message);
            return (null, "The plan cannot be computed now: " + exception.Message);
        }
    }
}
