using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>
/// Moves unknown fields between a wire type's <c>[JsonExtensionData]</c> dictionary and a contract's read-only
/// <c>ExtensionData</c>, so that what DockFlare does not model is sent back exactly as it was read.
/// </summary>
internal static class WireExtensionData
{
    /// <summary>The contract's view: <see langword="null"/> when nothing unknown was read.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? ToContract(Dictionary<string, JsonElement>? wire) =>
        wire is null || wire.Count == 0
            ? null
            : wire.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);

    /// <summary>
    /// The wire's view. Keys that name a modelled property (<paramref name="modelled"/>) are dropped so a
    /// property is never written twice; the modelled value wins.
    /// </summary>
    public static Dictionary<string, JsonElement>? ToWire(IReadOnlyDictionary<string, JsonElement>? contract, IReadOnlySet<string> modelled)
    {
        if (contract is null || contract.Count == 0)
        {
            return null;
        }

        var wire = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in contract)
        {
            if (!modelled.Contains(key))
            {
                wire[key] = value;
            }
        }

        return wire.Count == 0 ? null : wire;
    }
}
