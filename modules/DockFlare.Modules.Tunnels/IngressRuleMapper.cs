using CoreOrigin = DockFlare.Core.Routing.OriginRequest;
using CoreRule = DockFlare.Core.Routing.IngressRule;
using WireOrigin = DockFlare.Plugins.Abstractions.Cloudflare.OriginRequestOptions;
using WireRule = DockFlare.Plugins.Abstractions.Cloudflare.IngressRule;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Maps ingress rules between Core's model and the provider's. Every origin option Core models crosses
/// unchanged in both directions (B13: <c>originServerName</c> and the rest); options Core does not model
/// are not part of the Core rule, which is why rules kept from the live document are resent as read.
/// </summary>
internal static class IngressRuleMapper
{
    public static CoreRule ToCore(WireRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CoreRule(rule.Hostname, rule.Path, rule.Service, ToCore(rule.OriginRequest));
    }

    public static WireRule ToProvider(CoreRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new WireRule(rule.Hostname, rule.Path, rule.Service, ToProvider(rule.OriginRequest));
    }

    public static IReadOnlyList<CoreRule> ToCore(IReadOnlyList<WireRule> rules) => [.. rules.Select(ToCore)];

    private static CoreOrigin? ToCore(WireOrigin? options)
    {
        if (options is null)
        {
            return null;
        }

        var origin = new CoreOrigin
        {
            NoTlsVerify = options.NoTlsVerify,
            OriginServerName = options.OriginServerName,
            HttpHostHeader = options.HttpHostHeader,
            Http2Origin = options.Http2Origin,
            DisableChunkedEncoding = options.DisableChunkedEncoding,
            MatchSniToHost = options.MatchSniToHost,
        };
        return origin.IsEmpty ? null : origin;
    }

    private static WireOrigin? ToProvider(CoreOrigin? origin) => origin is null || origin.IsEmpty
        ? null
        : new WireOrigin
        {
            NoTlsVerify = origin.NoTlsVerify,
            OriginServerName = origin.OriginServerName,
            HttpHostHeader = origin.HttpHostHeader,
            Http2Origin = origin.Http2Origin,
            DisableChunkedEncoding = origin.DisableChunkedEncoding,
            MatchSniToHost = origin.MatchSniToHost,
        };
}
