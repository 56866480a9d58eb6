using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// How cloudflared talks to an origin (<c>originRequest</c>). Unset properties are not sent; durations
/// are whole seconds because cloudflared rejects anything else.
/// </summary>
public sealed record OriginRequestOptions
{
    /// <summary>TCP connect timeout in seconds.</summary>
    [JsonPropertyName("connectTimeout")] public int? ConnectTimeoutSeconds { get; init; }

    /// <summary>TLS handshake timeout in seconds.</summary>
    [JsonPropertyName("tlsTimeout")] public int? TlsTimeoutSeconds { get; init; }

    /// <summary>TCP keep-alive interval in seconds.</summary>
    [JsonPropertyName("tcpKeepAlive")] public int? TcpKeepAliveSeconds { get; init; }

    /// <summary>Idle keep-alive timeout in seconds.</summary>
    [JsonPropertyName("keepAliveTimeout")] public int? KeepAliveTimeoutSeconds { get; init; }

    /// <summary>Idle connection pool size.</summary>
    [JsonPropertyName("keepAliveConnections")] public int? KeepAliveConnections { get; init; }

    /// <summary>Disables happy-eyeballs dialling.</summary>
    [JsonPropertyName("noHappyEyeballs")] public bool? NoHappyEyeballs { get; init; }

    /// <summary>The Host header sent to the origin.</summary>
    [JsonPropertyName("httpHostHeader")] public string? HttpHostHeader { get; init; }

    /// <summary>The host name expected in the origin's certificate.</summary>
    [JsonPropertyName("originServerName")] public string? OriginServerName { get; init; }

    /// <summary>Sends the request's Host as SNI (canonical spelling <c>matchSNItoHost</c>).</summary>
    [JsonPropertyName("matchSNItoHost")] public bool? MatchSniToHost { get; init; }

    /// <summary>A CA bundle path on the connector's machine.</summary>
    [JsonPropertyName("caPool")] public string? CaPool { get; init; }

    /// <summary>Skips origin certificate verification.</summary>
    [JsonPropertyName("noTLSVerify")] public bool? NoTlsVerify { get; init; }

    /// <summary>Disables chunked transfer encoding to the origin.</summary>
    [JsonPropertyName("disableChunkedEncoding")] public bool? DisableChunkedEncoding { get; init; }

    /// <summary>Uses HTTP/2 to an https origin.</summary>
    [JsonPropertyName("http2Origin")] public bool? Http2Origin { get; init; }

    /// <summary><c>""</c> or <c>socks</c>.</summary>
    [JsonPropertyName("proxyType")] public string? ProxyType { get; init; }

    /// <summary>Cloudflare Access JWT validation at the connector (honoured per rule only).</summary>
    [JsonPropertyName("access")] public OriginAccessSettings? Access { get; init; }

    /// <summary>
    /// Fields this model does not know, kept as read and sent back unchanged (for example cloudflared-only <c>proxyAddress</c>, <c>proxyPort</c>, <c>bastionMode</c> and <c>ipRules</c>).
    /// Keys are the JSON names as Cloudflare spelled them; <see langword="null"/> when there were none.
    /// A key that names a modelled property is ignored when writing: the modelled property wins.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
}
