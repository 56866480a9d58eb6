using System.Text.Json.Serialization;

namespace DockFlare.Core.Routing;

/// <summary>
/// The per-rule <c>originRequest</c> options DockFlare manages, with Cloudflare's key
/// spellings (note <c>matchSNItoHost</c> with a lower-case "to"). Unset options are null and
/// are not written.
/// </summary>
public sealed record OriginRequest
{
    /// <summary>Skip verification of the origin's certificate.</summary>
    [JsonPropertyName("noTLSVerify")]
    public bool? NoTlsVerify { get; init; }

    /// <summary>The name expected on the origin's certificate (SNI).</summary>
    [JsonPropertyName("originServerName")]
    public string? OriginServerName { get; init; }

    /// <summary>The Host header sent to the origin.</summary>
    [JsonPropertyName("httpHostHeader")]
    public string? HttpHostHeader { get; init; }

    /// <summary>Speak HTTP/2 to the origin (needed for gRPC).</summary>
    [JsonPropertyName("http2Origin")]
    public bool? Http2Origin { get; init; }

    /// <summary>Disable chunked transfer encoding to the origin.</summary>
    [JsonPropertyName("disableChunkedEncoding")]
    public bool? DisableChunkedEncoding { get; init; }

    /// <summary>Use the request's Host as SNI towards the origin.</summary>
    [JsonPropertyName("matchSNItoHost")]
    public bool? MatchSniToHost { get; init; }

    /// <summary>Whether no option is set (then no <c>originRequest</c> object is emitted).</summary>
    [JsonIgnore]
    public bool IsEmpty => NoTlsVerify is null && OriginServerName is null && HttpHostHeader is null
        && Http2Origin is null && DisableChunkedEncoding is null && MatchSniToHost is null;
}
