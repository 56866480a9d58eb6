namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The state of the process-wide Cloudflare request budget at one moment.</summary>
/// <param name="Limit">Requests allowed per window (Cloudflare's default is 1,200).</param>
/// <param name="Window">The window length (Cloudflare's is 5 minutes).</param>
/// <param name="Used">Requests sent within the current window.</param>
/// <param name="Remaining">Requests that may still be sent within the window (priority requests included).</param>
/// <param name="ReservedForPriority">How much of the limit only deletions and Access changes may use.</param>
/// <param name="Waiting">Requests waiting for budget right now.</param>
/// <param name="BlockedUntil">When Cloudflare itself answered 429, the time its Retry-After ends; otherwise <see langword="null"/>.</param>
/// <param name="ServerRemaining">The remaining count Cloudflare last reported in its <c>Ratelimit</c> header, if any.</param>
public sealed record CloudflareRequestBudgetSnapshot(
    int Limit,
    TimeSpan Window,
    int Used,
    int Remaining,
    int ReservedForPriority,
    int Waiting,
    DateTimeOffset? BlockedUntil,
    int? ServerRemaining);
