using DockFlare.Core.Planning;
using DockFlare.Core.Routing;

namespace DockFlare.Host.Web.DryRun;

/// <summary>Turns a plan's operations into readable steps: kind, object, before → after.</summary>
internal static class PlanSteps
{
    public static IReadOnlyList<PlanStep> From(Core.Planning.Plan plan) => [.. plan.Operations.Select(Describe)];

    public static PlanStep Describe(PlanOperation operation)
    {
        var cause = operation.Cause.ToString();
        return operation switch
        {
            DnsCreateOperation create => new("dns-create", "create DNS record", $"{create.After.Name} (zone {create.After.Zone})",
                null, Record(create.After.Type, create.After.Content, create.After.Proxied), cause, [Lower(create.After.Name)], false),
            DnsUpdateOperation update => new("dns-update", "update DNS record", $"{update.Before.Name} (zone {update.Before.Zone})",
                Record(update.Before.Type, update.Before.Content, update.Before.Proxied) + Comment(update.Before.Comment, update.After.Comment),
                Record(update.After.Type, update.After.Content, update.After.Proxied), cause, [Lower(update.Before.Name)], true),
            DnsDeleteOperation delete => new("dns-delete", "delete DNS record", $"{delete.Before.Name} (zone {delete.Before.Zone})",
                Record(delete.Before.Type, delete.Before.Content, delete.Before.Proxied), null, cause, [Lower(delete.Before.Name)], false),
            AccessCreateOperation create => new("access-create", "create Access application", create.After.Domain,
                null, DashboardRow.DescribeAccess(create.After), cause, [Lower(create.After.Hostname)], false),
            AccessUpdateOperation update => new("access-update", "update Access application", $"{update.After.Domain} ({update.Before.Id})",
                update.Before.AppliedIntent is { } applied ? DashboardRow.DescribeAccess(applied) : $"application '{update.Before.Name}' (settings not read)",
                DashboardRow.DescribeAccess(update.After), cause, [Lower(update.After.Hostname)], true),
            AccessDeleteOperation delete => new("access-delete", "delete Access application", $"{delete.Before.Domain} ({delete.Before.Id})",
                $"application '{delete.Before.Name}'", null, cause, [AccessDomain.HostOf(delete.Before.Domain)], false),
            IngressPutOperation put => Ingress(put, cause),
            _ => new(operation.GetType().Name, "other", operation.Describe(), null, null, cause, [], false),
        };
    }

    // A tunnel's ingress is written whole; the step shows only the rules that go and come.
    private static PlanStep Ingress(IngressPutOperation put, string cause)
    {
        var after = put.Rules;
        var removed = put.Before.Where(r => !after.Contains(r)).ToList();
        var added = after.Where(r => !put.Before.Contains(r)).ToList();
        var owned = put.After.Any(r => r.IsOwned && put.Before.Any(b => !b.IsCatchAll && b.Hostname == r.Rule.Hostname && b.Path == r.Rule.Path && b != r.Rule));
        var reordered = removed.Count == 0 && added.Count == 0;
        return new PlanStep(
            "ingress-put",
            "replace tunnel ingress",
            $"tunnel '{put.Tunnel}' ({put.Before.Count} → {after.Count} rules)",
            reordered ? "rules in another order" : removed.Count == 0 ? null : string.Join("\n", removed.Select(Rule)),
            reordered ? "rules in DockFlare's order" : added.Count == 0 ? null : string.Join("\n", added.Select(Rule)),
            cause,
            [.. removed.Concat(added).Where(r => !string.IsNullOrEmpty(r.Hostname)).Select(r => Lower(r.Hostname!)).Distinct(StringComparer.Ordinal)],
            owned);
    }

    private static string Rule(IngressRule rule) =>
        rule.IsCatchAll ? $"catch-all → {rule.Service}" : $"{rule.Hostname}{(rule.Path is null ? "" : " " + rule.Path)} → {rule.Service}";

    private static string Record(string type, string content, bool proxied) => $"{type} {content}{(proxied ? ", proxied" : ", not proxied")}";

    private static string Comment(string? before, string after) => before == after ? "" : before is null ? ", no DockFlare marker" : $", comment '{before}'";

    private static string Lower(string hostname) => hostname.TrimEnd('.').ToLowerInvariant();
}
