using System.Text.Json.Serialization;
using DockFlare.Core.Access;

namespace DockFlare.Modules.Access;

/// <summary>
/// What Cloudflare cannot hold for an application DockFlare wrote: the legacy <c>access.policy</c> value
/// and the custom-rules JSON exactly as written. Used only when the live app still matches it.
/// </summary>
internal sealed record AppliedIntentNote(
    [property: JsonPropertyName("mode")] AccessMode Mode,
    [property: JsonPropertyName("legacy_policy")] string? LegacyPolicy,
    [property: JsonPropertyName("custom_rules_json")] string? CustomRulesJson);
