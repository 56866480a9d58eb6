using System.Collections.Frozen;
using System.Text.Json;

namespace DockFlare.Core.Access;

/// <summary>
/// Checks <c>access.custom_rules</c>: a JSON array of Cloudflare Access policy objects, each
/// with a <c>decision</c> and a non-empty <c>include</c> of rule objects. Anything else is
/// rejected, because an Access app built from a half-understood policy could let people in.
/// </summary>
internal static class CustomRulesValidator
{
    private const string Example = """[{"decision":"allow","include":[{"email":{"email":"user@example.com"}}]}]""";

    private static readonly FrozenSet<string> Decisions = new[] { "allow", "deny", "non_identity", "bypass" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PolicyFields = new[]
    {
        "name", "decision", "include", "exclude", "require", "precedence", "session_duration", "approval_required",
        "approval_groups", "purpose_justification_required", "purpose_justification_prompt", "isolation_required",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The compact JSON of a valid array, or null with the reason.</summary>
    public static string? Validate(string json, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            problem = $"it is not valid JSON ({ex.Message}); write an array such as {Example}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                problem = $"it must be a non-empty JSON array of policies, such as {Example}";
                return null;
            }

            var index = 0;
            foreach (var policy in root.EnumerateArray())
            {
                if (CheckPolicy(policy) is { } reason)
                {
                    problem = $"entry {index}: {reason}; each entry is a Cloudflare policy such as {Example}";
                    return null;
                }

                index++;
            }

            problem = "";
            return JsonSerializer.Serialize(root);
        }
    }

    private static string? CheckPolicy(JsonElement policy)
    {
        if (policy.ValueKind != JsonValueKind.Object)
        {
            return "it is not an object";
        }

        if (policy.TryGetProperty("action", out _))
        {
            return "'action' is not a policy field (the original README's example was wrong); use 'decision' and put the rule into 'include'";
        }

        foreach (var property in policy.EnumerateObject())
        {
            if (!PolicyFields.Contains(property.Name))
            {
                return $"'{property.Name}' is not a policy field";
            }
        }

        if (!policy.TryGetProperty("decision", out var decision) || decision.ValueKind != JsonValueKind.String
            || !Decisions.Contains(decision.GetString()!))
        {
            return "'decision' must be one of allow, deny, non_identity, bypass";
        }

        if (!policy.TryGetProperty("include", out var include) || include.ValueKind != JsonValueKind.Array || include.GetArrayLength() == 0)
        {
            return "'include' must be a non-empty array of rules";
        }

        foreach (var list in new[] { "include", "exclude", "require" })
        {
            if (!policy.TryGetProperty(list, out var rules))
            {
                continue;
            }

            if (rules.ValueKind != JsonValueKind.Array)
            {
                return $"'{list}' must be an array of rules";
            }

            foreach (var rule in rules.EnumerateArray())
            {
                if (rule.ValueKind != JsonValueKind.Object || rule.EnumerateObject().Count() != 1)
                {
                    return $"every rule in '{list}' is an object with exactly one key, such as {{\"email\":{{\"email\":\"user@example.com\"}}}}";
                }

                var only = rule.EnumerateObject().First();
                if (!AccessRuleKinds.All.Contains(only.Name) || only.Value.ValueKind != JsonValueKind.Object)
                {
                    return $"'{only.Name}' in '{list}' is not a Cloudflare Access rule type";
                }
            }
        }

        return null;
    }
}
