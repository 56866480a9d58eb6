using System.Text.RegularExpressions;

namespace DockFlare.Modules.Agents;

/// <summary>What an agent's display name may be: the registry keeps such a name as it is and renames an agent whose name is not.</summary>
public static partial class AgentDisplayNames
{
    /// <summary>Whether <paramref name="name"/> is 1 to 64 letters, digits, spaces, '.', '_' or '-'.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9 ._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
