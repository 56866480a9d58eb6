namespace DockFlare.Plugins.Cloudflare;

/// <summary>A response as received: status, body text, media type and Retry-After.</summary>
internal sealed record CloudflareRawResponse(int Status, string Body, string? MediaType, TimeSpan? RetryAfter)
{
    public bool IsSuccessStatus => Status is >= 200 and < 300;
}
