using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>One call the emulator received (<c>GET /__emulator/requests</c>). Secrets in bodies are redacted.</summary>
/// <param name="Sequence">The order of arrival, from 1.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path after <c>/client/v4</c>.</param>
/// <param name="Query">The query string, with its <c>?</c>, or empty.</param>
/// <param name="Body">The request body, or null.</param>
/// <param name="Status">The status answered; 0 when the connection was dropped.</param>
/// <param name="At">When it arrived.</param>
public sealed record RecordedRequest(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("at")] DateTimeOffset At)
{
    /// <summary>The body answered (tunnel secrets, connector tokens and client secrets masked), or null.</summary>
    [JsonPropertyName("response")]
    public string? ResponseBody { get; init; }
}
