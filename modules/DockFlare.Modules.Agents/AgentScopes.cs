namespace DockFlare.Modules.Agents;

/// <summary>
/// What an agent may publish: whole zones (the zone and every name under it) and hostname patterns
/// where <c>*</c> stands for any run of characters inside one DNS label. Empty means nothing: an agent
/// publishes only after an admin set its scopes (fail closed).
/// </summary>
/// <param name="Zones">Zone names, for example <c>example.com</c>.</param>
/// <param name="Hostnames">Hostname patterns, for example <c>*.apps.example.com</c> or <c>nas.example.org</c>.</param>
public sealed record AgentScopes(IReadOnlyList<string> Zones, IReadOnlyList<string> Hostnames)
{
    /// <summary>No scope: the agent may publish nothing.</summary>
    public static AgentScopes None { get; } = new([], []);

    /// <summary>Whether <paramref name="hostname"/> (normalised, lower case) is inside these scopes.</summary>
    public bool Allows(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var name = hostname.Trim().TrimEnd('.').ToLowerInvariant();
        return Zones.Any(zone => name == zone || name.EndsWith("." + zone, StringComparison.Ordinal))
            || Hostnames.Any(pattern => Matches(pattern, name));
    }

    private static bool Matches(string pattern, string name)
    {
        var patternLabels = pattern.Split('.');
        var nameLabels = name.Split('.');
        return patternLabels.Length == nameLabels.Length
            && patternLabels.Zip(nameLabels).All(pair => LabelMatches(pair.First, pair.Second));
    }

    // '*' matches any run of characters within one label; everything else matches literally.
    private static bool LabelMatches(string pattern, string label)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return pattern == label;
        }

        var head = pattern[..star];
        var rest = pattern[(star + 1)..];
        if (!label.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = head.Length; i <= label.Length; i++)
        {
            if (LabelMatches(rest, label[i..]))
            {
                return true;
            }
        }

        return false;
    }
}
