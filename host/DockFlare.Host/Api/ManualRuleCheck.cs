using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Host.Api;

/// <summary>What the label engine says about a manual rule before it is stored.</summary>
/// <param name="Problem">Why it may not be stored (an unknown tunnel, or an engine error); null when it may.</param>
/// <param name="Diagnostics">Every finding of the engine, warnings and advice included.</param>
/// <param name="Routes">The routes the rule would publish, as the engine normalised them.</param>
internal sealed record ManualRuleCheck(ManualRuleProblem? Problem, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<RouteSpec> Routes);
