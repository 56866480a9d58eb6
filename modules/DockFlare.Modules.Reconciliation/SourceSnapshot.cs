using DockFlare.Core.Engine;
using DockFlare.Core.State;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Everything the sources hold right now: containers of every host, the manual rules and the grace deadlines.</summary>
internal sealed record SourceSnapshot(
    IReadOnlyList<ContainerInput> Containers,
    IReadOnlyList<ManualRule> ManualRules,
    IReadOnlyList<GraceDeadline> Deadlines);
