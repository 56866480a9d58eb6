namespace DockFlare.Core.Planning;

/// <summary>Why an operation is in the plan, for the change log and the dry run.</summary>
/// <param name="Reason">One sentence: what changes and why.</param>
/// <param name="Sources">The containers, hosts or manual rules involved (<c>container 'web' on host 'h1'</c>, <c>manual rule 'nas'</c>), or the recorded owner of a removed object.</param>
public sealed record PlanCause(string Reason, IReadOnlyList<string> Sources)
{
    /// <summary>Value equality over the list of sources too, so that plans compare as data.</summary>
    public bool Equals(PlanCause? other) =>
        other is not null && Reason == other.Reason && Sources.SequenceEqual(other.Sources, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reason, Sources.Count);

    /// <inheritdoc />
    public override string ToString() => Sources.Count == 0 ? Reason : Reason + " (" + string.Join("; ", Sources) + ")";
}
