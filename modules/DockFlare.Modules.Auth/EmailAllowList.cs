namespace DockFlare.Modules.Auth;

/// <summary>
/// Who may sign in through OpenID Connect, and as what: exact addresses or whole domains (<c>@example.com</c>), compared
/// case-insensitively. An admin entry wins over a viewer entry.
/// </summary>
public sealed class EmailAllowList(IReadOnlyList<string> admins, IReadOnlyList<string> viewers)
{
    public bool IsEmpty => admins.Count == 0 && viewers.Count == 0;

    /// <summary>The role of <paramref name="email"/>, or null when it is not allowed.</summary>
    public string? RoleOf(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !IsValidEntry(email) || email.StartsWith('@'))
        {
            return null;
        }

        return Matches(admins, email) ? Roles.Admin : Matches(viewers, email) ? Roles.Viewer : null;
    }

    /// <summary>Whether <paramref name="entry"/> is an address (<c>a@b.c</c>) or a domain (<c>@b.c</c>).</summary>
    public static bool IsValidEntry(string entry)
    {
        var at = entry.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && at == entry.LastIndexOf('@') && at < entry.Length - 1 && !entry.Any(char.IsWhiteSpace)
               && entry[(at + 1)..].Contains('.', StringComparison.Ordinal);
    }

    private static bool Matches(IReadOnlyList<string> entries, string email) =>
        entries.Any(entry => entry.StartsWith('@')
            ? email.EndsWith(entry, StringComparison.OrdinalIgnoreCase)
            : string.Equals(entry, email, StringComparison.OrdinalIgnoreCase));
}
