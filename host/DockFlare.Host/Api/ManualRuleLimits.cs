using DockFlare.Core.Engine;
using System.Collections.Frozen;

namespace DockFlare.Host.Api;

/// <summary>
/// Size limits on a manual rule's fields, and the option names it may use: checked before the rule is validated
/// by the engine or stored, so that nothing oversized or unknown reaches the state store or Cloudflare.
/// </summary>
internal static class ManualRuleLimits
{
    public const int MaxIdLength = 64;
    public const int MaxHostnameLength = 253;
    public const int MaxPathLength = 1024;
    public const int MaxServiceLength = 2048;
    public const int MaxZoneNameLength = 253;
    public const int MaxOptions = 16;
    public const int MaxOptionKeyLength = 64;
    public const int MaxOptionValueLength = 1024;

    /// <summary>The origin options a rule may set (from the engine, so the two never disagree).</summary>
    public static IReadOnlyList<string> OriginOptionNames => ManualRuleOptionNames.Origin;

    /// <summary>The Access options a rule may set (from the engine).</summary>
    public static IReadOnlyList<string> AccessOptionNames => ManualRuleOptionNames.Access;

    private static readonly FrozenSet<string> OriginSet = OriginOptionNames.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> AccessSet = AccessOptionNames.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The length check of a hostname or path, as for adopt; null when it fits.</summary>
    public static ManualRuleProblem? CheckLength(string field, string? value, int max) =>
        LengthProblem(field, value, max) is { } problem ? ManualRuleProblem.Invalid("field_too_long", problem) : null;

    /// <summary>What is wrong with the length of <paramref name="value"/>, for the API and the UI alike; null when it fits.</summary>
    public static string? LengthProblem(string field, string? value, int max) =>
        value is not null && value.Length > max ? $"'{field}' is {value.Length} characters long: at most {max} are allowed." : null;

    /// <returns>Null when every field is within its limit and every option name is known, otherwise the problem.</returns>
    public static ManualRuleProblem? Check(ManualRuleRequest request) =>
        CheckLength("hostname", request.Hostname, MaxHostnameLength)
        ?? CheckLength("path", request.Path, MaxPathLength)
        ?? CheckLength("service", request.Service, MaxServiceLength)
        ?? CheckLength("zoneName", request.ZoneName, MaxZoneNameLength)
        ?? CheckLength("tunnel", request.Tunnel, MaxHostnameLength)
        ?? CheckOptions("originOptions", request.OriginOptions, OriginSet, OriginOptionNames)
        ?? CheckOptions("accessOptions", request.AccessOptions, AccessSet, AccessOptionNames);

    private static ManualRuleProblem? CheckOptions(
        string field, IReadOnlyDictionary<string, string>? options, FrozenSet<string> known, IReadOnlyList<string> allowed)
    {
        if (options is null)
        {
            return null;
        }

        if (options.Count > MaxOptions)
        {
            return ManualRuleProblem.Invalid("field_too_long", $"'{field}' has {options.Count} entries: at most {MaxOptions} are allowed.");
        }

        foreach (var (key, value) in options)
        {
            if (key.Length > MaxOptionKeyLength)
            {
                return ManualRuleProblem.Invalid("field_too_long", $"A key of '{field}' is {key.Length} characters long: at most {MaxOptionKeyLength} are allowed.");
            }

            if (!known.Contains(key))
            {
                return ManualRuleProblem.Invalid("unknown_option", $"'{key}' is not a known name in '{field}': the allowed names are {string.Join(", ", allowed)}.");
            }

            if (value is null)
            {
                return ManualRuleProblem.Invalid("invalid_json", $"`{field}.{key}` must be a string, not null.");
            }

            if (value.Length > MaxOptionValueLength)
            {
                return ManualRuleProblem.Invalid("field_too_long", $"'{field}.{key}' is {value.Length} characters long: at most {MaxOptionValueLength} are allowed.");
            }
        }

        return null;
    }
}
