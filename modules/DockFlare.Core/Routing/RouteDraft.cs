using DockFlare.Core.Engine;
using DockFlare.Core.Labels;

namespace DockFlare.Core.Routing;

/// <summary>
/// The raw fields of one route before validation, from a label set or a manual rule, each
/// with the label key it came from so that every diagnostic can name it.
/// </summary>
internal sealed class RouteDraft
{
    public required RouteSource Source { get; init; }

    public required LabelValue Hostname { get; init; }

    public LabelValue? Service { get; init; }

    public LabelValue? Path { get; init; }

    public LabelValue? ZoneName { get; init; }

    private static readonly Dictionary<string, LabelValue> Empty = new(StringComparer.Ordinal);
    private Dictionary<string, LabelValue>? _origin;
    private Dictionary<string, LabelValue>? _access;

    /// <summary>Origin option labels by suffix (most routes have none, so the map is made on first use).</summary>
    public IReadOnlyDictionary<string, LabelValue> Origin => _origin ?? Empty;

    /// <summary>Access labels by suffix; the effective group list is stored under <c>access.groups</c>.</summary>
    public IReadOnlyDictionary<string, LabelValue> Access => _access ?? Empty;

    public void SetOrigin(string key, LabelValue value) => (_origin ??= new(StringComparer.Ordinal))[key] = value;

    public void SetAccess(string key, LabelValue value) => (_access ??= new(StringComparer.Ordinal))[key] = value;

    /// <summary>How to name a sibling label in advice: <c>dockflare.1.</c> gives <c>dockflare.1.path</c>.</summary>
    public required string KeyPrefix { get; init; }

    public required string Tunnel { get; init; }

    public bool Running { get; init; } = true;

    public DateTimeOffset? ClaimedSince { get; init; }

    /// <summary>Position in the input, for a stable order between otherwise equal claims.</summary>
    public int Ordinal { get; init; }

    public string KeyFor(string suffix) => KeyPrefix + suffix;
}
