namespace DockFlare.Core.Labels;

/// <summary>A label's value together with the full key it was read from (for diagnostics).</summary>
internal readonly record struct LabelValue(string Value, string Key);
