using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// Turns <c>access.custom_rules</c> into application-scoped policies and live policies back into the
/// same JSON. The engine validates the label first; this check is the gateway's own, so rules it cannot
/// express exactly are refused (fail closed) rather than sent half-understood (case B26).
/// </summary>
internal static class CustomRulesCodec
{
    private static readonly string[] Decisions = ["allow", "deny", "non_identity", "bypass"];
    private static readonly string[] Supported = ["name", "decision", "include", "exclude", "require", "session_duration", "precedence"];

    /// <summary>The default name of the <paramref name="index"/>-th (0-based) custom policy.</summary>
    public static string DefaultName(int index) => $"DockFlare custom rule {index + 1}";

    /// <summary>The policies in order.</summary>
    /// <exception cref="ReconcileException">The JSON is not a list of policies this gateway can express exactly.</exception>
    public static IReadOnlyList<AccessPolicyRequest> Parse(string? json, string domain)
    {
        JsonNode? root;
        try
        {
            root = json is null ? null : JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Refused(domain, $"it is not valid JSON ({ex.Message})");
        }

        if (root is not JsonArray array || array.Count == 0)
        {
            throw Refused(domain, "it must be a non-empty JSON array of policies");
        }

        var policies = new List<AccessPolicyRequest>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject policy)
            {
                throw Refused(domain, $"entry {i} is not an object");
            }

            if (policy.Select(p => p.Key).FirstOrDefault(k => !Supported.Contains(k)) is { } field)
            {
                throw Refused(domain, $"entry {i}: '{field}' cannot be set on an Access application's policy by DockFlare");
            }

            if (policy["decision"] is not JsonValue decisionValue || !decisionValue.TryGetValue<string>(out var decision) || !Decisions.Contains(decision))
            {
                throw Refused(domain, $"entry {i}: 'decision' must be one of allow, deny, non_identity, bypass");
            }

            if (policy["precedence"] is { } precedence && (precedence is not JsonValue p || !p.TryGetValue<int>(out var value) || value != i + 1))
            {
                throw Refused(domain, $"entry {i}: 'precedence' must be {i + 1} (policies apply in the order of the array)");
            }

            var include = Rules(policy, "include", i, domain);
            if (include.Count == 0)
            {
                throw Refused(domain, $"entry {i}: 'include' must be a non-empty array of rules");
            }

            var name = policy["name"] is JsonValue n && n.TryGetValue<string>(out var text) && text.Length > 0 ? text : DefaultName(i);
            var session = policy["session_duration"] is JsonValue s && s.TryGetValue<string>(out var duration) ? duration : null;
            var exclude = Rules(policy, "exclude", i, domain);
            var require = Rules(policy, "require", i, domain);
            policies.Add(new AccessPolicyRequest(name, decision, include, exclude.Count == 0 ? null : exclude, require.Count == 0 ? null : require, session));
        }

        return policies;
    }

    /// <summary>The canonical JSON of live policies: the form <see cref="Canonical(string)"/> gives for the JSON that made them.</summary>
    public static string FromPolicies(IReadOnlyList<AccessPolicy> policies)
    {
        var array = new JsonArray();
        for (var i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            array.Add(Canonical(p.Name == DefaultName(i) ? null : p.Name, p.Decision, p.Include, p.Exclude, p.Require, p.SessionDuration));
        }

        return array.ToJsonString();
    }

    /// <summary>The canonical JSON of valid custom rules (field order fixed, default names and empty lists dropped).</summary>
    public static string Canonical(string json)
    {
        var policies = Parse(json, "");
        var array = new JsonArray();
        for (var i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            array.Add(Canonical(p.Name == DefaultName(i) ? null : p.Name, p.Decision, p.Include, p.Exclude ?? [], p.Require ?? [], p.SessionDuration));
        }

        return array.ToJsonString();
    }

    private static JsonObject Canonical(string? name, string decision, IReadOnlyList<AccessRule> include, IReadOnlyList<AccessRule> exclude,
        IReadOnlyList<AccessRule> require, string? session)
    {
        var policy = new JsonObject();
        if (name is not null)
        {
            policy["name"] = name;
        }

        policy["decision"] = decision;
        policy["include"] = RulesJson(include);
        if (exclude.Count > 0)
        {
            policy["exclude"] = RulesJson(exclude);
        }

        if (require.Count > 0)
        {
            policy["require"] = RulesJson(require);
        }

        if (session is not null)
        {
            policy["session_duration"] = session;
        }

        return policy;
    }

    private static JsonArray RulesJson(IReadOnlyList<AccessRule> rules) =>
        [.. rules.Select(r => (JsonNode?)new JsonObject { [r.Kind] = JsonNode.Parse(r.Body.GetRawText()) })];

    private static List<AccessRule> Rules(JsonObject policy, string list, int index, string domain)
    {
        var node = policy[list];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray rules)
        {
            throw Refused(domain, $"entry {index}: '{list}' must be an array of rules");
        }

        var result = new List<AccessRule>();
        foreach (var rule in rules)
        {
            if (rule is not JsonObject one || one.Count != 1 || one.First().Value is not JsonObject body)
            {
                throw Refused(domain, $"entry {index}: every rule in '{list}' is an object with exactly one key whose value is an object");
            }

            using var document = JsonDocument.Parse(body.ToJsonString());
            result.Add(new AccessRule(one.First().Key, document.RootElement.Clone()));
        }

        return result;
    }

    private static ReconcileException Refused(string domain, string problem) =>
        new($"The custom Access rules of {domain} are refused and no application is written (it would be less protected than asked): {problem}.");
}
