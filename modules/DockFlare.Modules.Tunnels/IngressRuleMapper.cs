using CoreOrigin = DockFlare.Core.Routing.OriginRequest;
using CoreRule = DockFlare.Core.Routing.IngressRule;
using WireOrigin = DockFlare.Plugins.Abstractions.Cloudflare.OriginRequestOptions;
using WireRule = DockFlare.Plugins.Abstractions.Cloudflare.IngressRule;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Maps ingress rules between Core's model and the provider's. Every origin option Core models crosses
/// unchanged in both directions (B13: <c>originServerName</c> and the rest); options Core does not model
/// are not part of the Core rule, which is why rules kept from the live document are resent as read, and
/// why a rule DockFlare rewrites takes those options from the live rule it replaces
/// (<see cref="ToProvider(CoreRule, WireRule?)"/>).
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

    /// <summary>
    /// The provider rule for a rule DockFlare writes, keeping what DockFlare does not manage from
    /// <paramref name="live"/> (the live rule of the same host name and path, if any): origin options Core does
    /// not model (<c>connectTimeout</c>, <c>access</c>, <c>proxyAddress</c>, <c>bastionMode</c>, <c>ipRules</c>,
    /// unknown keys...) and unknown rule keys. Host name, path, service and every origin option Core models
    /// always come from <paramref name="rule"/>, set or unset.
    /// </summary>
    public static WireRule ToProvider(CoreRule rule, WireRule? live)
    {
        var managed = ToProvider(rule);
        return live is null
            ? managed
            : managed with { OriginRequest = Merge(managed.OriginRequest, live.OriginRequest), ExtensionData = live.ExtensionData };
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

    private static WireOrigin? Merge(WireOrigin? managed, WireOrigin? live)
    {
        if (live is null)
        {
            return managed;
        }

        var merged = live with
        {
            NoTlsVerify = managed?.NoTlsVerify,
            OriginServerName = managed?.OriginServerName,
            HttpHostHeader = managed?.HttpHostHeader,
            Http2Origin = managed?.Http2Origin,
            DisableChunkedEncoding = managed?.DisableChunkedEncoding,
            MatchSniToHost = managed?.MatchSniToHost,
        };
        return merged.ExtensionData is not { Count: > 0 } && merged with { ExtensionData = null } == new WireOrigin() ? null : merged;
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
