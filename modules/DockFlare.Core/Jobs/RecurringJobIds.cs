using System.Text.RegularExpressions;

namespace DockFlare.Core.Jobs;

/// <summary>The rule for recurring job ids.</summary>
public static partial class RecurringJobIds
{
    /// <summary>Whether <paramref name="id"/> is a valid recurring job id.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
