namespace DockFlare.Core.State;

/// <summary>One stored setting. Secrets never go here: they are encrypted and kept elsewhere.</summary>
/// <param name="Key">The setting's name.</param>
/// <param name="Value">The value: plain text, or a JSON document when <paramref name="IsJson"/> is true.</param>
/// <param name="IsJson">Whether <paramref name="Value"/> is JSON (validated when stored).</param>
public sealed record SettingEntry(string Key, string Value, bool IsJson);
