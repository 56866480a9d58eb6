using DockFlare.Core.Diagnostics;
using DockFlare.Core.Labels;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Engine;

/// <summary>Turns a manual rule into a route draft, so that it is validated exactly like labels are.</summary>
internal static class ManualRuleDrafts
{
    public static RouteDraft? Create(ManualRule rule, int ordinal, DiagnosticSink sink)
    {
        if (string.IsNullOrWhiteSpace(rule.Tunnel))
        {
            sink.Error(DiagnosticCodes.ManualRuleInvalid, "tunnel", $"Manual rule '{rule.Id}' has no tunnel; choose the tunnel it is published on.");
            return null;
        }

        var draft = new RouteDraft
        {
            Source = new RouteSource(RouteSourceKind.Manual, rule.Id, "manual:" + rule.Id, null, null),
            Hostname = new LabelValue(rule.Hostname ?? "", LabelCatalog.Hostname),
            Service = new LabelValue(rule.Service ?? "", LabelCatalog.Service),
            Path = rule.Path is null ? null : new LabelValue(rule.Path, LabelCatalog.Path),
            ZoneName = rule.ZoneName is null ? null : new LabelValue(rule.ZoneName, LabelCatalog.ZoneName),
            KeyPrefix = "",
            Tunnel = rule.Tunnel,
            ClaimedSince = rule.CreatedAt,
            Ordinal = ordinal,
        };

        foreach (var (key, value) in rule.OriginOptions ?? new Dictionary<string, string>())
        {
            if (LabelCatalog.OriginKeys.Contains(key))
            {
                draft.SetOrigin(key, new LabelValue(value.Trim(), key));
            }
            else
            {
                sink.Warning(DiagnosticCodes.ManualRuleInvalid, key, $"'{key}' is not an origin option and is ignored ({string.Join(", ", LabelCatalog.OriginKeys)}).");
            }
        }

        foreach (var (key, value) in rule.AccessOptions ?? new Dictionary<string, string>())
        {
            var name = key == LabelCatalog.AccessGroup ? LabelCatalog.AccessGroups : key;
            if (name.StartsWith("access.", StringComparison.Ordinal) && LabelCatalog.RouteKeys.Contains(name))
            {
                draft.SetAccess(name, new LabelValue(value.Trim(), key));
            }
            else
            {
                sink.Warning(DiagnosticCodes.ManualRuleInvalid, key, $"'{key}' is not an Access option and is ignored.");
            }
        }

        return draft;
    }
}
