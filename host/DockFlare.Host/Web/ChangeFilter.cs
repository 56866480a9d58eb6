using DockFlare.Core.State;

namespace DockFlare.Host.Web;

/// <summary>The change log page's filter, from its query string: words anywhere, a kind (or kind family), a cause.</summary>
/// <param name="Text">Text to find in the kind, object, cause, before or after (case-insensitive).</param>
/// <param name="Kind">An exact kind (<c>dns.create</c>) or a family (<c>dns</c>).</param>
/// <param name="Cause">Text to find in the cause (<c>ui by admin</c>, <c>manual rule</c>).</param>
internal sealed record ChangeFilter(string? Text, string? Kind, string? Cause)
{
    public const int MaxLength = 200;

    /// <summary>The kinds the master writes (the reconciler's operations and adopt), families first, for the kind menu.</summary>
    public static readonly IReadOnlyList<string> KnownKinds =
    [
        "dns", "dns.create", "dns.update", "dns.delete",
        "ingress", "ingress.update",
        "access", "access.create", "access.update", "access.delete",
        "adopt",
    ];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Cause);

    /// <summary>What is wrong with the filter, or null when it can be used.</summary>
    public string? Problem() =>
        Text?.Length > MaxLength || Kind?.Length > MaxLength || Cause?.Length > MaxLength
            ? $"A filter is longer than {MaxLength} characters; shorten it."
            : null;

    public bool Matches(ChangeLogEntry entry)
    {
        var kind = Kind?.Trim();
        var cause = Cause?.Trim();
        var text = Text?.Trim();
        return (string.IsNullOrEmpty(kind) || entry.Kind == kind || entry.Kind.StartsWith(kind + ".", StringComparison.Ordinal))
               && (string.IsNullOrEmpty(cause) || entry.Cause.Contains(cause, StringComparison.OrdinalIgnoreCase))
               && (string.IsNullOrEmpty(text) || Contains(entry, text));
    }

    private static bool Contains(ChangeLogEntry entry, string text) =>
        entry.Kind.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Target.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Cause.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (entry.Before?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (entry.After?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}
