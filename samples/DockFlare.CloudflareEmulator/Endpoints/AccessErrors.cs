using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Access error shapes: <c>access.api.error.*</c> messages, 404 for unknown objects.</summary>
internal static class AccessErrors
{
    public static EmulatorError Invalid(string detail) => EmulatorError.BadRequest(12000, $"access.api.error.invalid_request: {detail}");

    public static EmulatorError NotFound(string what) => EmulatorError.NotFound(12135, $"access.api.error.not_found: {what} not found");

    public static T Find<T>(Dictionary<string, T> items, string id, string accountId, Func<T, string> account, string what) =>
        items.TryGetValue(id, out var item) && account(item) == accountId ? item : throw NotFound(what);

    public static AccessObjectState FindObject(Dictionary<string, AccessObjectState> items, string accountId, string id, string what) =>
        Find(items, id, accountId, o => o.AccountId, what);
}
