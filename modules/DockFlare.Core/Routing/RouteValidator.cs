using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Zones;

namespace DockFlare.Core.Routing;

/// <summary>
/// Validates one route draft: hostname, service, path, origin options, Access labels and
/// zone. Any error drops this draft only, never a sibling draft or another container.
/// </summary>
internal static class RouteValidator
{
    public static RouteClaim? Validate(RouteDraft draft, ZoneResolver zones, DiagnosticSink sink)
    {
        var hostKey = draft.Hostname.Key;
        var serviceKey = draft.Service?.Key ?? draft.KeyFor(LabelCatalog.Service);
        var pathKey = draft.Path?.Key ?? draft.KeyFor(LabelCatalog.Path);
        if (!HostnameNormalizer.TryNormalize(draft.Hostname.Value, hostKey, pathKey, serviceKey, out var hostname, out var hostError))
        {
            sink.Error(hostError.Code, hostKey, hostError.Message + SkipNote(draft));
            return null;
        }

        if (draft.Service is not { } serviceLabel || serviceLabel.Value.Length == 0)
        {
            sink.Error(DiagnosticCodes.ServiceMissing, draft.Service?.Key ?? hostKey,
                $"'{hostname}' has no service: add '{serviceKey}=http://<container>:<port>' (or https://, tcp://, ssh://, rdp://, unix:, http_status:NNN, hello_world, bastion).");
            return null;
        }

        if (!ServiceParser.TryParse(serviceLabel.Value, serviceKey, pathKey, out var service, out var serviceError))
        {
            sink.Error(serviceError.Code, serviceKey, serviceError.Message + SkipNote(draft));
            return null;
        }

        NormalizedPath? path = null;
        if (draft.Path is { } pathLabel && !PathNormalizer.TryNormalize(pathLabel.Value, pathLabel.Key, sink, out path, out var pathError))
        {
            sink.Error(pathError.Code, pathLabel.Key, pathError.Message + SkipNote(draft));
            return null;
        }

        var origin = ReadOrigin(draft, service, sink);
        if (AccessLabelParser.Parse(draft, hostname, path, sink) is not { } access)
        {
            return null;
        }

        var zoneKey = draft.ZoneName?.Key ?? draft.KeyFor(LabelCatalog.ZoneName);
        if (!zones.TryResolve(hostname, draft.ZoneName?.Value, zoneKey, out var zone, out var zoneError))
        {
            sink.Error(zoneError.Code, draft.ZoneName?.Key ?? hostKey, zoneError.Message);
            return null;
        }

        var key = new RouteKey(hostname, path?.Expression ?? "");
        return new RouteClaim(key, service, origin, path, zone, !string.IsNullOrWhiteSpace(draft.ZoneName?.Value), access, draft, sink);
    }

    private static OriginRequest? ReadOrigin(RouteDraft draft, ParsedService service, DiagnosticSink sink)
    {
        if (draft.Origin.Count == 0)
        {
            return null;
        }

        var origin = new OriginRequest();
        foreach (var (key, label) in draft.Origin)
        {
            origin = key switch
            {
                LabelCatalog.NoTlsVerify => origin with { NoTlsVerify = TrueOrNull(label, sink) },
                LabelCatalog.Http2Origin => origin with { Http2Origin = TrueOrNull(label, sink) },
                LabelCatalog.DisableChunkedEncoding => origin with { DisableChunkedEncoding = TrueOrNull(label, sink) },
                LabelCatalog.MatchSniToHost => origin with { MatchSniToHost = TrueOrNull(label, sink) },
                LabelCatalog.OriginServerName => origin with { OriginServerName = NonEmpty(label) },
                LabelCatalog.HttpHostHeader => origin with { HttpHostHeader = NonEmpty(label) },
                _ => origin,
            };
        }

        if (origin.IsEmpty)
        {
            return null;
        }

        if (!service.IsHttp)
        {
            var keys = draft.Origin.Values.Select(v => v.Key).Order(StringComparer.Ordinal).ToList();
            sink.Warning(DiagnosticCodes.OriginOptionsIgnored, keys[0],
                $"{string.Join(", ", keys.Select(k => $"'{k}'"))} only apply to http:// and https:// services; they are not sent for '{service.Value}'.");
            return null;
        }

        if (origin.Http2Origin == true && service.Kind == ServiceKind.Http)
        {
            sink.Warning(DiagnosticCodes.OriginOptionsIgnored, draft.Origin[LabelCatalog.Http2Origin].Key,
                $"'{draft.Origin[LabelCatalog.Http2Origin].Key}' needs an https:// origin: cloudflared speaks HTTP/2 to origins over TLS only, so '{service.Value}' gets HTTP/1.1.");
        }

        return origin;
    }

    private static bool? TrueOrNull(LabelValue label, DiagnosticSink sink)
    {
        var value = BooleanLabel.Parse(label.Value, out var recognised);
        if (!recognised)
        {
            sink.Warning(DiagnosticCodes.InvalidBoolean, label.Key, $"'{label.Key}={label.Value}' is not true/yes/1/t or false/no/0/f; it is read as false.");
        }

        return value ? true : null;
    }

    private static string? NonEmpty(LabelValue label) => label.Value.Length == 0 ? null : label.Value;

    private static string SkipNote(RouteDraft draft) =>
        draft.Source.Index is { } index ? $" Label set {index} is skipped; the container's other label sets are not affected." : "";
}
