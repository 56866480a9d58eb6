using DockFlare.Core.Planning;

namespace DockFlare.Core.Tests.Planning;

/// <summary>Keeps the property tests honest: the generated inputs must reach every kind of operation and verdict.</summary>
public sealed class PlanInputGeneratorCoverageTests
{
    [Fact]
    public void Next_AcrossSeeds_ReachesEveryOperationAndVerdict()
    {
        var plans = Enumerable.Range(1, 300).Select(seed => new PlanInputGenerator(seed).Next()).Select(ReconciliationPlanner.Create).ToList();

        var operations = plans.SelectMany(p => p.Operations).Select(o => o.GetType().Name).ToHashSet(StringComparer.Ordinal);
        var codes = plans.SelectMany(p => p.Diagnostics).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(["AccessCreateOperation", "IngressPutOperation", "DnsCreateOperation", "DnsUpdateOperation", "DnsDeleteOperation"], StringComparer.Ordinal),
            operations);
        var churn = Enumerable.Range(1, 300)
            .Select(seed => PlanScenario.Converge(new PlanInputGenerator(seed).Next(), out _) with { Desired = new PlanInputGenerator(seed + 10_000).Next().Desired })
            .Select(ReconciliationPlanner.Create).ToList();
        Assert.Superset(
            new HashSet<string>(["AccessUpdateOperation", "AccessDeleteOperation", "DnsDeleteOperation"], StringComparer.Ordinal),
            churn.SelectMany(p => p.Operations).Select(o => o.GetType().Name).ToHashSet(StringComparer.Ordinal));
        Assert.Contains(churn.SelectMany(p => p.Diagnostics), d => d.Code == PlanDiagnosticCodes.Held);
        Assert.Superset(
            new HashSet<string>([PlanDiagnosticCodes.IngressConflict, PlanDiagnosticCodes.IngressForeignMatch, PlanDiagnosticCodes.DnsConflict,
                PlanDiagnosticCodes.DnsForeignMatch, PlanDiagnosticCodes.AccessConflict], StringComparer.Ordinal),
            codes);
    }
}
