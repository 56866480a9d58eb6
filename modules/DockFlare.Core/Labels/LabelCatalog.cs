using System.Collections.Frozen;

namespace DockFlare.Core.Labels;

/// <summary>The label suffixes the engine knows, and the ones it knows but ignores.</summary>
internal static class LabelCatalog
{
    public const string Enable = "enable";
    public const string Hostname = "hostname";
    public const string Service = "service";
    public const string Path = "path";
    public const string ZoneName = "zonename";
    public const string NoTlsVerify = "no_tls_verify";
    public const string OriginServerName = "originsrvname";
    public const string HttpHostHeader = "httpHostHeader";
    public const string Http2Origin = "http2_origin";
    public const string DisableChunkedEncoding = "disable_chunked_encoding";
    public const string MatchSniToHost = "match_sni_to_host";
    public const string AccessGroup = "access.group";
    public const string AccessGroups = "access.groups";
    public const string AccessPolicy = "access.policy";
    public const string AccessName = "access.name";
    public const string AccessSessionDuration = "access.session_duration";
    public const string AccessAppLauncherVisible = "access.app_launcher_visible";
    public const string AccessAllowedIdps = "access.allowed_idps";
    public const string AccessAutoRedirect = "access.auto_redirect_to_identity";
    public const string AccessCustomRules = "access.custom_rules";

    /// <summary>Suffixes allowed both as base labels and inside an index (<c>N.&lt;suffix&gt;</c>).</summary>
    public static readonly FrozenSet<string> RouteKeys = new[]
    {
        Hostname, Service, Path, ZoneName, NoTlsVerify, OriginServerName, HttpHostHeader, Http2Origin,
        DisableChunkedEncoding, MatchSniToHost, AccessGroup, AccessGroups, AccessPolicy, AccessName,
        AccessSessionDuration, AccessAppLauncherVisible, AccessAllowedIdps, AccessAutoRedirect, AccessCustomRules,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The origin options, in the order they are reported.</summary>
    public static readonly string[] OriginKeys =
        [NoTlsVerify, OriginServerName, HttpHostHeader, Http2Origin, DisableChunkedEncoding, MatchSniToHost];

    /// <summary>Known suffixes that the engine reads nowhere, with the reason given to the user.</summary>
    public static readonly FrozenDictionary<string, string> IgnoredKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["port"] = "it is read only by the original DockFlare's migration assistant; put the port into the service label, e.g. service=http://web:8080",
        ["protocol"] = "it is read only by the original DockFlare's migration assistant; put the scheme into the service label, e.g. service=https://web:8443",
        ["access.email"] = "it was shown in the original README but never implemented; use access.group with an Access group, or access.custom_rules",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every suffix a base label may have, for suggestions.</summary>
    public static readonly string[] BaseSuggestions = [Enable, .. RouteKeys, .. IgnoredKeys.Keys];

    /// <summary>Every suffix an indexed label may have, for suggestions.</summary>
    public static readonly string[] IndexedSuggestions = [.. RouteKeys];
}
