using DockFlare.Core.Engine;

namespace DockFlare.Core.Routing;

/// <summary>
/// Orders competing claims, best first: manual rules, then running containers, then the
/// previous owner (so a restart never moves a route back and forth), then the earliest
/// claim, then names and label index so that the choice never depends on input order.
/// </summary>
internal sealed class ClaimPriority(IReadOnlyDictionary<RouteKey, string>? priorOwners) : IComparer<RouteClaim>
{
    public int Compare(RouteClaim? x, RouteClaim? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var result = x.Source.Kind.CompareTo(y.Source.Kind);
        if (result != 0)
        {
            return result;
        }

        result = y.Draft.Running.CompareTo(x.Draft.Running);
        if (result != 0)
        {
            return result;
        }

        result = IsPriorOwner(y).CompareTo(IsPriorOwner(x));
        if (result != 0)
        {
            return result;
        }

        result = (x.Draft.ClaimedSince ?? DateTimeOffset.MaxValue).CompareTo(y.Draft.ClaimedSince ?? DateTimeOffset.MaxValue);
        if (result != 0)
        {
            return result;
        }

        result = string.CompareOrdinal(x.Source.OwnerKey, y.Source.OwnerKey);
        if (result != 0)
        {
            return result;
        }

        result = (x.Source.Index ?? -1).CompareTo(y.Source.Index ?? -1);
        if (result != 0)
        {
            return result;
        }

        result = string.CompareOrdinal(x.Source.Id, y.Source.Id);
        return result != 0 ? result : x.Draft.Ordinal.CompareTo(y.Draft.Ordinal);
    }

    private bool IsPriorOwner(RouteClaim claim) =>
        priorOwners is not null && priorOwners.TryGetValue(claim.Key, out var owner) && owner == claim.Source.OwnerKey;
}
