using DockFlare.Host.Api;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Web.Agents;

/// <summary>
/// Publish scopes as the agent page's text boxes hold them: entries separated by line breaks, commas or spaces. The
/// limits are <see cref="AgentAdminInput"/>'s and the shape of each entry the registry's, as for the REST API.
/// </summary>
internal static class ScopeLines
{
    private static readonly char[] Separators = ['\n', '\r', ',', ' ', '\t'];

    public static (AgentScopes? Scopes, string? Problem) Parse(string? zones, string? hostnames) =>
        AgentAdminInput.Scopes(Split(zones), Split(hostnames));

    public static string Format(IReadOnlyList<string> entries) => string.Join("\n", entries);

    private static string[] Split(string? text) =>
        text?.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
