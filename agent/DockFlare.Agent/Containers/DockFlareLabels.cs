using DockFlare.Core.Labels;
using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Which containers the agent reports and which of their labels leave the host: containers carrying
/// <c>&lt;prefix&gt;enable</c> under any supported prefix (<c>LABEL_PREFIX</c>, <c>dockflare.</c>, <c>cloudflare.tunnel.</c>),
/// and of their labels only the keys under those prefixes. Environment and every other label stay on the host.
/// </summary>
/// <remarks>
/// The prefixes are matched without regard to case, so a miscased <c>DockFlare.hostname</c> still reaches the master,
/// whose label engine explains it (as it does for local containers). Containers labelled <c>managed-by=dockflare</c>
/// (the agent's own cloudflared) are never reported.
/// The built-in prefixes and the enable key mirror <c>DockFlare.Core.Labels.LabelPrefixes</c> and <c>LabelCatalog.Enable</c>,
/// which are internal to Core; a test checks that they stay equal.
/// </remarks>
internal sealed class DockFlareLabels
{
    /// <summary>Core's <c>LabelPrefixes.Primary</c>.</summary>
    public const string PrimaryPrefix = "dockflare.";

    /// <summary>Core's <c>LabelPrefixes.Legacy</c>.</summary>
    public const string LegacyPrefix = "cloudflare.tunnel.";

    /// <summary>Core's <c>LabelCatalog.Enable</c>.</summary>
    public const string EnableKey = "enable";

    private readonly string[] _prefixes;

    public DockFlareLabels(LabelEngineOptions options)
    {
        var custom = options.LabelPrefix?.Trim().TrimEnd('.');
        _prefixes = [.. new[] { string.IsNullOrEmpty(custom) ? null : custom + ".", PrimaryPrefix, LegacyPrefix }
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        EnableKeys = [.. _prefixes.Select(p => p + EnableKey)];
    }

    /// <summary>The prefixes, highest precedence first.</summary>
    public IReadOnlyList<string> Prefixes => _prefixes;

    /// <summary>The enable label under every prefix: a container with any of them is reported.</summary>
    public IReadOnlyList<string> EnableKeys { get; }

    /// <summary>Whether the container is DockFlare's own (its cloudflared), never reported.</summary>
    public static bool IsOwnContainer(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(CloudflaredLabels.ManagedBy, out var manager) && manager == CloudflaredLabels.ManagedByValue;

    /// <summary>Whether <paramref name="key"/> is a DockFlare label key (under a prefix, any case, with something after it).</summary>
    public bool IsDockFlareKey(string key) =>
        _prefixes.Any(p => key.Length > p.Length && key.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Only the DockFlare label keys of <paramref name="labels"/> (which may also hold the engine's attributes).</summary>
    public IReadOnlyDictionary<string, string> Filter(IReadOnlyDictionary<string, string> labels)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (IsDockFlareKey(key))
            {
                kept[key] = value;
            }
        }

        return kept;
    }
}
