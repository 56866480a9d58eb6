using System.Net.ServerSentEvents;
using System.Text.Json;

namespace DockFlare.Host.Web;

/// <summary>The UI's own JSON endpoints under <c>/ui</c> (a signed-in session, like the pages).</summary>
internal static class UiEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var ui = endpoints.MapGroup("/ui");
        // Server-sent events: one "routes" event with the whole dashboard each time it changes.
        ui.MapGet("/live/routes", (LiveRoutesFeed feed, IHostApplicationLifetime lifetime, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.ServerSentEvents(Events(feed, context.RequestAborted, lifetime.ApplicationStopping));
        });
    }

    // The stream ends when the browser goes away or the master stops: an open dashboard must not hold a shutdown
    // (docker stop gives 10 s before it kills), and the browser's EventSource reconnects to the next master by itself.
    private static async IAsyncEnumerable<SseItem<string>> Events(
        LiveRoutesFeed feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        await foreach (var snapshot in feed.WatchAsync(either.Token).ConfigureAwait(false))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(snapshot, Json), "routes");
        }
    }
}
