using DockFlare.Core.Engine;

namespace DockFlare.Host.Api;

/// <summary>The answer of <c>GET /api/v2/rules</c>.</summary>
internal sealed record ManualRulesList(IReadOnlyList<ManualRule> Rules);
