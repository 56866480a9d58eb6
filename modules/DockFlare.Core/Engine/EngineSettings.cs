namespace DockFlare.Core.Engine;

/// <summary>The settings the engine depends on. Everything else it needs comes in its input.</summary>
public sealed record EngineSettings
{
    /// <summary>
    /// The zone names of the account. Null means "not known" (the linter without
    /// <c>--zones</c>): zones are then not checked and routes carry no zone. An empty list
    /// means the account has no zones, so no route can be published.
    /// </summary>
    public IReadOnlyList<string>? Zones { get; init; }

    /// <summary>The default zone name; used only for hostnames inside it.</summary>
    public string? DefaultZone { get; init; }

    /// <summary>The custom label prefix (LABEL_PREFIX), with or without a trailing dot.</summary>
    public string? LabelPrefix { get; init; }

    /// <summary>The tunnel of each Docker host. A host without an entry uses its own name as tunnel key.</summary>
    public IReadOnlyDictionary<string, string>? TunnelByHost { get; init; }

    /// <summary>Tunnels that get an ingress document even when no route targets them (so their last route can be removed).</summary>
    public IReadOnlyList<string>? KnownTunnels { get; init; }
}
