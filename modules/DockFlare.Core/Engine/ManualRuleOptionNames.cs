using DockFlare.Core.Labels;

namespace DockFlare.Core.Engine;

/// <summary>The option names a <see cref="ManualRule"/> accepts, for callers that validate rules before storing them.</summary>
public static class ManualRuleOptionNames
{
    /// <summary>Names allowed in <see cref="ManualRule.OriginOptions"/> (the label names of the origin options).</summary>
    public static IReadOnlyList<string> Origin { get; } = LabelCatalog.OriginKeys;

    /// <summary>Names allowed in <see cref="ManualRule.AccessOptions"/> (the <c>access.*</c> label names, <c>access.group</c> included).</summary>
    public static IReadOnlyList<string> Access { get; } =
    [
        LabelCatalog.AccessGroup,
        .. LabelCatalog.RouteKeys.Where(k => k.StartsWith("access.", StringComparison.Ordinal) && k != LabelCatalog.AccessGroup).Order(StringComparer.Ordinal),
    ];
}
