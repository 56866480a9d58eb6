using DockFlare.Core.Engine;

namespace DockFlare.Host.Api;

/// <summary>The result of creating or replacing a manual rule: the stored rule, or the problem that stopped it.</summary>
internal sealed record ManualRuleChange(ManualRule? Rule, ManualRuleProblem? Problem)
{
    public static ManualRuleChange Refused(ManualRuleProblem problem) => new(null, problem);
}
