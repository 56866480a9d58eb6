using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Labels;

/// <summary>
/// Turns a container's label sets into route drafts: the base set (when it has a hostname)
/// and every indexed set, with indexed values falling back to the base ones.
/// </summary>
/// <remarks>
/// Deliberate difference from the original DockFlare: the base <c>path</c> is NOT inherited
/// by indexed sets. It belongs to the base hostname; inheriting it made every indexed rule of
/// a container silently path-restricted. Every other base label (service, zonename, origin
/// options, access.*) is inherited. A gap in the indexes is a warning and later indexes are
/// still used (the original stopped at the first gap).
/// </remarks>
internal static class RouteDraftBuilder
{
    private static readonly string[] Inherited =
    [
        LabelCatalog.NoTlsVerify, LabelCatalog.OriginServerName, LabelCatalog.HttpHostHeader, LabelCatalog.Http2Origin,
        LabelCatalog.DisableChunkedEncoding, LabelCatalog.MatchSniToHost,
    ];

    private static readonly string[] AccessSettings =
    [
        LabelCatalog.AccessPolicy, LabelCatalog.AccessName, LabelCatalog.AccessSessionDuration, LabelCatalog.AccessAppLauncherVisible,
        LabelCatalog.AccessAllowedIdps, LabelCatalog.AccessAutoRedirect, LabelCatalog.AccessCustomRules,
    ];

    public static List<RouteDraft> Build(
        ContainerLabels labels, ContainerInput container, string tunnel, string primaryPrefix, int ordinal, DiagnosticSink sink)
    {
        var drafts = new List<RouteDraft>();
        var baseLevel = labels.Base;
        if (baseLevel.TryGet(LabelCatalog.Hostname, out var baseHost))
        {
            drafts.Add(Create(baseLevel, null, null, baseHost, container, tunnel, ordinal));
        }
        else
        {
            ReportUnusedBaseLabels(labels, primaryPrefix, sink);
        }

        var expected = 0;
        foreach (var (index, level) in labels.Indexed)
        {
            if (index > expected)
            {
                var missing = expected == index - 1 ? $"index {expected} is" : $"indexes {expected} to {index - 1} are";
                sink.Warning(DiagnosticCodes.IndexGap, level.FullKeys.First(),
                    $"{missing} missing before index {index}; index {index} is still used, but check that no label set was lost (the original DockFlare stopped reading at the first gap).");
            }

            expected = index + 1;
            if (!level.TryGet(LabelCatalog.Hostname, out var host))
            {
                sink.Error(DiagnosticCodes.IndexWithoutHostname, level.FullKeys.First(),
                    $"Label set {index} has no hostname, so it is skipped: add '{level.KeyPrefix}{LabelCatalog.Hostname}=<public hostname>' (indexed sets do not inherit the base hostname).");
                continue;
            }

            drafts.Add(Create(level, baseLevel, index, host, container, tunnel, ordinal));
        }

        return drafts;
    }

    private static RouteDraft Create(
        LabelLevel level, LabelLevel? fallback, int? index, LabelValue host, ContainerInput container, string tunnel, int ordinal)
    {
        LabelValue? Get(string key) => level.Get(key) ?? fallback?.Get(key);

        var draft = new RouteDraft
        {
            Source = new RouteSource(RouteSourceKind.Container, container.Id, container.Name, container.Host, index),
            Hostname = host,
            Service = Get(LabelCatalog.Service),
            Path = level.Get(LabelCatalog.Path),
            ZoneName = Get(LabelCatalog.ZoneName),
            KeyPrefix = host.Key[..^LabelCatalog.Hostname.Length],
            Tunnel = tunnel,
            Running = container.State == ContainerState.Running,
            ClaimedSince = container.ClaimedSince,
            Ordinal = ordinal,
        };
        foreach (var key in Inherited)
        {
            if (Get(key) is { } value)
            {
                draft.SetOrigin(key, value);
            }
        }

        // Groups: the index's own list wins, then the base list; within a level 'groups' wins over 'group'.
        var groups = level.Get(LabelCatalog.AccessGroups) ?? level.Get(LabelCatalog.AccessGroup)
            ?? fallback?.Get(LabelCatalog.AccessGroups) ?? fallback?.Get(LabelCatalog.AccessGroup);
        if (groups is { } g)
        {
            draft.SetAccess(LabelCatalog.AccessGroups, g);
        }

        foreach (var key in AccessSettings)
        {
            if (Get(key) is { } value)
            {
                draft.SetAccess(key, value);
            }
        }

        return draft;
    }

    private static void ReportUnusedBaseLabels(ContainerLabels labels, string primaryPrefix, DiagnosticSink sink)
    {
        var baseLevel = labels.Base;
        if (baseLevel.TryGet(LabelCatalog.Path, out var path))
        {
            var advice = labels.Indexed.Count > 0
                ? $"a base path is not inherited by indexed sets; write it per set, e.g. '{primaryPrefix}{labels.Indexed.Keys.First()}.path={path.Value}'"
                : $"add '{primaryPrefix}hostname=<public hostname>'";
            sink.Warning(DiagnosticCodes.BaseLabelUnused, path.Key,
                $"'{path.Key}' has no effect without a base hostname: {advice}.");
        }

        if (labels.Indexed.Count == 0 && baseLevel.TryGet(LabelCatalog.Service, out var service))
        {
            sink.Error(DiagnosticCodes.NoRoutes, service.Key,
                $"'{service.Key}' is set but there is no hostname, so nothing is published: add '{primaryPrefix}hostname=<public hostname>'.");
        }
    }
}
