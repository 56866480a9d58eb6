using System.Text.Json;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// Access rules as the web form writes them, one per line: <c>everyone</c>, <c>any_valid_service_token</c>,
/// <c>email=a@b.com</c>, <c>email_domain=example.com</c>, <c>ip=10.0.0.0/8</c>, <c>group=&lt;Cloudflare group id&gt;</c>,
/// <c>geo=DE</c>, <c>login_method=&lt;IdP id&gt;</c>, <c>service_token=&lt;token id&gt;</c>, <c>auth_method=mfa</c>, or any
/// other rule as Cloudflare's JSON object (<c>{"okta":{"name":"staff","identity_provider_id":"…"}}</c>). Only the
/// text is turned into rules here; whether a rule is acceptable is <see cref="AccessGroupValidator"/>'s job, as for the API.
/// </summary>
public static class AccessRuleLines
{
    private static readonly Dictionary<string, Func<string, AccessRule>> WithValue = new(StringComparer.Ordinal)
    {
        ["email"] = AccessRule.Email,
        ["email_domain"] = AccessRule.EmailDomain,
        ["ip"] = AccessRule.Ip,
        ["group"] = AccessRule.Group,
        ["geo"] = AccessRule.Country,
        ["login_method"] = AccessRule.LoginMethod,
        ["service_token"] = AccessRule.ServiceToken,
        ["auth_method"] = AccessRule.AuthMethod,
    };

    private static readonly Dictionary<string, Func<AccessRule>> WithoutValue = new(StringComparer.Ordinal)
    {
        ["everyone"] = AccessRule.Everyone,
        ["any_valid_service_token"] = AccessRule.AnyValidServiceToken,
    };

    /// <summary>The short forms, for hints.</summary>
    public static IReadOnlyList<string> Forms { get; } =
        [.. WithoutValue.Keys, .. WithValue.Keys.Select(k => k + "=…"), "{…} (a Cloudflare rule as JSON)"];

    /// <summary>The rules of <paramref name="text"/> (blank lines skipped), or the problem naming the field and line.</summary>
    /// <param name="text">The textarea's content.</param>
    /// <param name="field">The field's name as the form shows it (<c>Include</c>).</param>
    public static (IReadOnlyList<AccessRule>? Rules, string? Problem) Parse(string? text, string field)
    {
        var rules = new List<AccessRule>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (ParseLine(line) is { } problem)
            {
                return (null, $"{field}, line {i + 1}: '{line}' {problem}");
            }

            rules.Add(Read(line));
        }

        return (rules, null);
    }

    /// <summary>The form's text of <paramref name="rules"/>: the short form where there is one, else the JSON object.</summary>
    public static string Format(IEnumerable<AccessRule> rules) => string.Join("\n", rules.Select(Format));

    /// <summary>One rule as the form writes it.</summary>
    public static string Format(AccessRule rule)
    {
        if (WithoutValue.ContainsKey(rule.Kind) && rule.Body.ValueKind == JsonValueKind.Object && !rule.Body.EnumerateObject().Any())
        {
            return rule.Kind;
        }

        if (WithValue.TryGetValue(rule.Kind, out var make) && rule.Body.ValueKind == JsonValueKind.Object
            && rule.Body.EnumerateObject().Count() == 1 && rule.Body.EnumerateObject().First().Value is { ValueKind: JsonValueKind.String } value
            && make(value.GetString()!).Equals(rule) && !value.GetString()!.Contains('\n', StringComparison.Ordinal))
        {
            return $"{rule.Kind}={value.GetString()}";
        }

        return rule.ToString();
    }

    // Null when the line is a rule, else what is wrong (the caller names the field and line).
    private static string? ParseLine(string line)
    {
        if (line.StartsWith('{'))
        {
            try
            {
                _ = JsonSerializer.Deserialize<AccessRule>(line);
                return null;
            }
            catch (JsonException ex)
            {
                return $"is not a rule as Cloudflare's JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')}).";
            }
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var kind = (equals < 0 ? line : line[..equals]).Trim();
        if (equals < 0)
        {
            return WithoutValue.ContainsKey(kind)
                ? null
                : WithValue.ContainsKey(kind)
                    ? $"needs a value: write {kind}=…"
                    : $"is not a rule: write one of {string.Join(", ", Forms)}.";
        }

        if (!WithValue.ContainsKey(kind))
        {
            return WithoutValue.ContainsKey(kind)
                ? $"takes no value: write {kind} alone."
                : $"is not a rule: '{kind}' is not one of {string.Join(", ", WithValue.Keys)}; write other rules as Cloudflare's JSON object.";
        }

        return line[(equals + 1)..].Trim().Length == 0 ? $"needs a value after '='." : null;
    }

    private static AccessRule Read(string line)
    {
        if (line.StartsWith('{'))
        {
            return JsonSerializer.Deserialize<AccessRule>(line)!;
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? WithoutValue[line.Trim()]()
            : WithValue[line[..equals].Trim()](line[(equals + 1)..].Trim());
    }
}
