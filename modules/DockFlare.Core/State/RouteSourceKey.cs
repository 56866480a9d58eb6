using System.Diagnostics.CodeAnalysis;

namespace DockFlare.Core.State;

/// <summary>Identifies one source of routes: the local Docker engine, one agent, or the manual rules.</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="Id">The source's id: the agent id, or a fixed name such as <c>local</c> or <c>manual</c>.</param>
public sealed record RouteSourceKey(RouteSourceKeyKind Kind, string Id)
{
    /// <summary>The local Docker engine of this master.</summary>
    public static RouteSourceKey Local { get; } = new(RouteSourceKeyKind.Local, "local");

    /// <summary>The manual rules.</summary>
    public static RouteSourceKey Manual { get; } = new(RouteSourceKeyKind.Manual, "manual");

    /// <summary>The routes reported by one agent.</summary>
    public static RouteSourceKey Agent(string agentId) => new(RouteSourceKeyKind.Agent, agentId);

    /// <summary>The stable text form <c>kind:id</c> (for example <c>agent:7f3a</c>), used as a storage key.</summary>
    public override string ToString() => Kind.ToString().ToLowerInvariant() + ":" + Id;

    /// <summary>Parses the text form written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RouteSourceKey? key)
    {
        key = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        if (!Enum.TryParse<RouteSourceKeyKind>(text[..colon], ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind)
            || char.IsDigit(text[0]))
        {
            return false;
        }

        key = new RouteSourceKey(kind, text[(colon + 1)..]);
        return true;
    }
}
