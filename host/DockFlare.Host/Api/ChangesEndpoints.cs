using System.Globalization;

namespace DockFlare.Host.Api;

/// <summary><c>GET /api/v2/changes?before=&lt;seq&gt;&amp;limit=&lt;n&gt;</c>: the change log, newest first, a page at a time.</summary>
internal static class ChangesEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/changes", async (HttpRequest request, ChangeLogReader changes, CancellationToken cancellationToken) =>
        {
            // Parsed by hand so that a bad value gets a message naming it (model binding would answer an empty 400).
            if (!TryParse(request.Query["before"], "before", 1, long.MaxValue, out var before, out var error)
                || !TryParse(request.Query["limit"], "limit", 1, MaxLimit, out var limit, out error))
            {
                return error!;
            }

            return Results.Ok(await changes.ReadAsync(null, before, (int)(limit ?? DefaultLimit), cancellationToken));
        });

    private static bool TryParse(string? text, string name, long min, long max, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            value = parsed;
            return true;
        }

        var range = max == long.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {min}")
            : string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
        error = ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query", $"'{name}' must be {range}, not '{text}'.");
        return false;
    }
}
