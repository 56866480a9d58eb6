using DockFlare.Core.Engine;
using DockFlare.Core.Planning;

namespace DockFlare.Core.Tests.Planning;

/// <summary>Properties that hold for any generated input; each failure names its seed.</summary>
public sealed class PlannerPropertyTests
{
    private const int Runs = 300;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, Runs)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_AfterApplyingPlan_NextPlanIsEmpty(int seed)
    {
        var input = new PlanInputGenerator(seed).Next();

        var next = PlanScenario.Converge(input, out _);
        var again = ReconciliationPlanner.Create(next);

        Assert.True(again.IsEmpty, $"seed {seed}: second plan has {string.Join(" | ", again.Operations.Select(o => o.Describe()))}");
        Assert.True(ReconciliationPlanner.Create(PlanSimulator.Apply(next, again)).IsEmpty, $"seed {seed}: third plan not empty");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_DesiredChangesAfterConvergence_ConvergesAgainKeepingForeign(int seed)
    {
        var live = PlanScenario.Converge(new PlanInputGenerator(seed).Next(), out _);
        var changed = live with { Desired = new PlanInputGenerator(seed + 10_000).Next().Desired };

        var next = PlanScenario.Converge(changed, out var plan);

        var again = ReconciliationPlanner.Create(next);
        Assert.True(again.IsEmpty, $"seed {seed}: plan after a desired-state change does not converge: {string.Join(" | ", again.Operations.Select(o => o.Describe()))} // first: {string.Join(" | ", plan.Operations.Select(o => o.Describe()))}");
        var foreignDns = live.Observed.DnsRecords.Where(r => !DnsOwnershipMarker.IsOwnedBy(r.Comment, PlanScenario.Instance)
            && !live.Ownership.Any(o => o.ObjectId == r.Id)).ToList();
        Assert.All(foreignDns, r => Assert.Contains(r, next.Observed.DnsRecords));
        Assert.All(live.Observed.AccessApps.Where(a => !live.Ownership.Any(o => o.ObjectId == a.Id)), a => Assert.Contains(a, next.Observed.AccessApps));
        Assert.DoesNotContain(plan.Operations, o => o is AccessDeleteOperation d && !live.Ownership.Any(r => r.ObjectId == d.Before.Id));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_ShuffledInputLists_SamePlan(int seed)
    {
        var input = new PlanInputGenerator(seed).Next();
        var random = new Random(seed);
        var shuffled = input with
        {
            Observed = new ObservedState(Shuffle(input.Observed.Tunnels, random), Shuffle(input.Observed.DnsRecords, random), Shuffle(input.Observed.AccessApps, random)),
            Ownership = Shuffle(input.Ownership, random),
        };

        Assert.Equal(ReconciliationPlanner.Create(input), ReconciliationPlanner.Create(shuffled));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_AnyInput_NeverTouchesForeignObjects(int seed)
    {
        var input = new PlanInputGenerator(seed).Next();
        var ownedIds = input.Ownership.Where(o => o.ObjectId is not null).Select(o => o.ObjectId!).ToHashSet(StringComparer.Ordinal);

        var plan = ReconciliationPlanner.Create(input);

        foreach (var operation in plan.Operations)
        {
            var dns = operation switch { DnsUpdateOperation u => u.Before, DnsDeleteOperation d => d.Before, _ => null };
            var app = operation switch { AccessUpdateOperation u => u.Before, AccessDeleteOperation d => d.Before, _ => null };
            Assert.True(dns is null || ownedIds.Contains(dns.Id) || DnsOwnershipMarker.IsOwnedBy(dns.Comment, PlanScenario.Instance), $"seed {seed}: foreign DNS {dns?.Id} written");
            Assert.True(app is null || ownedIds.Contains(app.Id), $"seed {seed}: foreign Access app {app?.Id} written");
            switch (operation)
            {
                case IngressPutOperation put:
                    AssertForeignRulesKept(seed, input, put);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_AnyInput_AccessFirstDeletionsLast(int seed)
    {
        var plan = ReconciliationPlanner.Create(new PlanInputGenerator(seed).Next());

        var phases = plan.Operations.Select(o => o switch
        {
            AccessCreateOperation or AccessUpdateOperation => 0,
            IngressPutOperation => 1,
            DnsCreateOperation or DnsUpdateOperation => 2,
            DnsDeleteOperation => 3,
            _ => 4,
        }).ToList();
        Assert.True(phases.SequenceEqual(phases.Order()), $"seed {seed}: operations out of order: {string.Join(",", phases)}");
    }

    private static void AssertForeignRulesKept(int seed, PlannerInput input, IngressPutOperation put)
    {
        var owned = input.Ownership.Where(o => o.Kind == OwnedObjectKind.IngressRule && o.Scope == put.Tunnel).Select(o => o.RouteKey).ToHashSet();
        var foreign = put.Before.Where(r => !r.IsCatchAll && !owned.Contains(new RouteKey(r.Hostname ?? "", r.Path ?? ""))).ToList();
        var kept = put.After.Where(r => !r.IsOwned && !r.Rule.IsCatchAll).Select(r => r.Rule).ToList();
        Assert.True(foreign.SequenceEqual(kept), $"seed {seed}: foreign rules of {put.Tunnel} not kept in order");
        Assert.True(put.Rules[^1].IsCatchAll && put.Rules.Count(r => r.IsCatchAll) == 1, $"seed {seed}: catch-all not single and last");
        var firstForeign = put.After.ToList().FindIndex(r => !r.IsOwned);
        Assert.True(firstForeign < 0 || put.After.Skip(firstForeign).All(r => !r.IsOwned || r.ObservedIndex is not null), $"seed {seed}: a new rule of ours follows a foreign rule");
    }

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
