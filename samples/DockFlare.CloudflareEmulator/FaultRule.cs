using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>
/// A fault to inject (<c>POST /__emulator/faults</c>): the next <see cref="Count"/> calls whose method and
/// path match fail, are delayed, or have their connection dropped.
/// </summary>
public sealed record FaultRule
{
    /// <summary>The HTTP method to match; any when not set.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>A regular expression over the path after <c>/client/v4</c>, such as <c>^/accounts/[^/]+/access/policies/</c>.</summary>
    [JsonPropertyName("path")] public string Path { get; init; } = ".*";

    /// <summary>How many matching calls are affected; 0 means every one until the faults are cleared.</summary>
    [JsonPropertyName("count")] public int Count { get; init; } = 1;

    /// <summary>The status to answer with; when not set the call proceeds (after <see cref="DelayMs"/>).</summary>
    [JsonPropertyName("status")] public int? Status { get; init; }

    /// <summary>The Cloudflare error code in the failure envelope.</summary>
    [JsonPropertyName("code")] public int? Code { get; init; }

    /// <summary>The error message in the failure envelope.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>A Retry-After header value in seconds.</summary>
    [JsonPropertyName("retryAfterSeconds")] public int? RetryAfterSeconds { get; init; }

    /// <summary>Latency added before answering (or before proceeding).</summary>
    [JsonPropertyName("delayMs")] public int DelayMs { get; init; }

    /// <summary>Drops the connection without any answer.</summary>
    [JsonPropertyName("drop")] public bool Drop { get; init; }

    /// <summary>A raw body to answer with instead of an envelope (with <see cref="Status"/>, default 200).</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }

    /// <summary>The content type of <see cref="Body"/> (default <c>text/plain</c>).</summary>
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
}
