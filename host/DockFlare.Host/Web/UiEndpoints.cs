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
        ui.MapGet("/live/routes", (LiveRoutesFeed feed, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.ServerSentEvents(Events(feed, context.RequestAborted));
        });
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        LiveRoutesFeed feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in feed.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(snapshot, Json), "routes");
        }
    }
}
