using System.Text.RegularExpressions;

namespace DockFlare.Host.Api;

/// <summary>Manual rule ids: given by the caller (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most 64) or generated.</summary>
internal static partial class ManualRuleIds
{
    public const string Rule = "an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
