using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary><c>originRequest</c> as sent and received; keys the contract does not model land in <see cref="Extra"/>.</summary>
internal sealed class OriginRequestWire
{
    private static readonly FrozenSet<string> Modelled = new[]
    {
        "connectTimeout", "tlsTimeout", "tcpKeepAlive", "keepAliveTimeout", "keepAliveConnections", "noHappyEyeballs",
        "httpHostHeader", "originServerName", "matchSNItoHost", "caPool", "noTLSVerify", "disableChunkedEncoding",
        "http2Origin", "proxyType", "access",
    }.ToFrozenSet(StringComparer.Ordinal);

    [JsonPropertyName("connectTimeout")] public int? ConnectTimeoutSeconds { get; set; }

    [JsonPropertyName("tlsTimeout")] public int? TlsTimeoutSeconds { get; set; }

    [JsonPropertyName("tcpKeepAlive")] public int? TcpKeepAliveSeconds { get; set; }

    [JsonPropertyName("keepAliveTimeout")] public int? KeepAliveTimeoutSeconds { get; set; }

    [JsonPropertyName("keepAliveConnections")] public int? KeepAliveConnections { get; set; }

    [JsonPropertyName("noHappyEyeballs")] public bool? NoHappyEyeballs { get; set; }

    [JsonPropertyName("httpHostHeader")] public string? HttpHostHeader { get; set; }

    [JsonPropertyName("originServerName")] public string? OriginServerName { get; set; }

    [JsonPropertyName("matchSNItoHost")] public bool? MatchSniToHost { get; set; }

    [JsonPropertyName("caPool")] public string? CaPool { get; set; }

    [JsonPropertyName("noTLSVerify")] public bool? NoTlsVerify { get; set; }

    [JsonPropertyName("disableChunkedEncoding")] public bool? DisableChunkedEncoding { get; set; }

    [JsonPropertyName("http2Origin")] public bool? Http2Origin { get; set; }

    [JsonPropertyName("proxyType")] public string? ProxyType { get; set; }

    [JsonPropertyName("access")] public OriginAccessSettings? Access { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public static OriginRequestWire? From(OriginRequestOptions? options) => options is null ? null : new()
    {
        ConnectTimeoutSeconds = options.ConnectTimeoutSeconds,
        TlsTimeoutSeconds = options.TlsTimeoutSeconds,
        TcpKeepAliveSeconds = options.TcpKeepAliveSeconds,
        KeepAliveTimeoutSeconds = options.KeepAliveTimeoutSeconds,
        KeepAliveConnections = options.KeepAliveConnections,
        NoHappyEyeballs = options.NoHappyEyeballs,
        HttpHostHeader = options.HttpHostHeader,
        OriginServerName = options.OriginServerName,
        MatchSniToHost = options.MatchSniToHost,
        CaPool = options.CaPool,
        NoTlsVerify = options.NoTlsVerify,
        DisableChunkedEncoding = options.DisableChunkedEncoding,
        Http2Origin = options.Http2Origin,
        ProxyType = options.ProxyType,
        Access = options.Access,
        Extra = WireExtensionData.ToWire(options.ExtensionData, Modelled),
    };

    public OriginRequestOptions ToOptions() => new()
    {
        ConnectTimeoutSeconds = ConnectTimeoutSeconds,
        TlsTimeoutSeconds = TlsTimeoutSeconds,
        TcpKeepAliveSeconds = TcpKeepAliveSeconds,
        KeepAliveTimeoutSeconds = KeepAliveTimeoutSeconds,
        KeepAliveConnections = KeepAliveConnections,
        NoHappyEyeballs = NoHappyEyeballs,
        HttpHostHeader = HttpHostHeader,
        OriginServerName = OriginServerName,
        MatchSniToHost = MatchSniToHost,
        CaPool = CaPool,
        NoTlsVerify = NoTlsVerify,
        DisableChunkedEncoding = DisableChunkedEncoding,
        Http2Origin = Http2Origin,
        ProxyType = ProxyType,
        Access = Access,
        ExtensionData = WireExtensionData.ToContract(Extra),
    };
}
