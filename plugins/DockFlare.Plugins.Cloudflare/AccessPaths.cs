namespace DockFlare.Plugins.Cloudflare;

/// <summary>Builds checked <c>/accounts/{account}/access/...</c> paths.</summary>
internal static class AccessPaths
{
    public static string Collection(string accountId, string collection) =>
        $"accounts/{CloudflareIds.Account(accountId)}/access/{collection}";

    public static string Item(string accountId, string collection, string id, string what) =>
        $"{Collection(accountId, collection)}/{CloudflareIds.Uuid(id, what)}";
}
