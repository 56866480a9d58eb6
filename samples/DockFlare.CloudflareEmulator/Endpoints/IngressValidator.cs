using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// cloudflared's <c>validateIngress</c> (SPEC §6.2), which the API mirrors on configuration PUT. The first
/// failure wins and its message names the rule (<c>Rule #N</c>, 1-based).
/// </summary>
internal static partial class IngressValidator
{
    /// <summary>Returns the first problem, or null when the configuration is valid.</summary>
    public static string? Validate(JsonObject config)
    {
        if (OriginRequestValidator.Check(config["originRequest"]) is { } defaults)
        {
            return $"top-level {defaults}";
        }

        if (config["ingress"] is not JsonArray rules || rules.Count == 0)
        {
            return "At least one ingress rule needs to be defined for the tunnel";
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (CheckRule(rules[i], i, rules.Count) is { } problem)
            {
                return problem.StartsWith("Rule #", StringComparison.Ordinal) ? problem : $"Rule #{i + 1}: {problem}";
            }
        }

        return null;
    }

    private static string? CheckRule(JsonNode? node, int index, int total)
    {
        if (node is not JsonObject rule)
        {
            return "an ingress rule must be an object";
        }

        foreach (var key in rule.Select(p => p.Key))
        {
            if (key is not ("hostname" or "path" or "service" or "originRequest"))
            {
                return $"unknown key '{key}'";
            }
        }

        if (!TryText(rule, "hostname", out var hostname) || !TryText(rule, "path", out var path) || !TryText(rule, "service", out var service))
        {
            return "hostname, path and service must be strings";
        }

        if (OriginRequestValidator.Check(rule["originRequest"]) is { } origin)
        {
            return origin;
        }

        if (CheckService(service, rule["originRequest"]) is { } serviceProblem)
        {
            return serviceProblem;
        }

        if (hostname.Length > 0 && HostWithPort().IsMatch(hostname))
        {
            return "Hostname cannot contain a port";
        }

        if (hostname.LastIndexOf('*') > 0 || (hostname.StartsWith('*') && hostname != "*" && !hostname.StartsWith("*.", StringComparison.Ordinal)))
        {
            return "Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\"";
        }

        var catchAll = hostname is "" or "*" && path.Length == 0;
        if (index == total - 1 && !catchAll)
        {
            return "The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)";
        }

        if (index != total - 1 && catchAll)
        {
            return $"Rule #{index + 1} is matching the hostname '{hostname}', but this will match every hostname, meaning the rules which follow it will never be triggered.";
        }

        return path.Length > 0 && !IsRe2(path) ? $"Rule #{index + 1} has an invalid regex" : null;
    }

    private static string? CheckService(string service, JsonNode? originRequest)
    {
        if (service.Length == 0)
        {
            return "service is required";
        }

        if (service.StartsWith("unix:", StringComparison.Ordinal) || service.StartsWith("unix+tls:", StringComparison.Ordinal)
            || service is "hello_world" or "hello-world" or "bastion" or "socks-proxy"
            || originRequest?["bastionMode"]?.GetValueKind() == JsonValueKind.True)
        {
            return null;
        }

        if (service.StartsWith("http_status:", StringComparison.Ordinal))
        {
            return int.TryParse(service["http_status:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999
                ? null
                : "invalid HTTP status code";
        }

        if (!Uri.TryCreate(service, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !service.Contains("://", StringComparison.Ordinal))
        {
            return $"{service} is an invalid address, please make sure it has a scheme and a hostname";
        }

        return !HasPath(service)
            ? null
            : $"{service} is an invalid address, ingress rules don't support proxying to a different path on the origin service. The path will be the same as the eyeball request's path";
    }

    private static bool HasPath(string service)
    {
        var afterScheme = service[(service.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var slash = afterScheme.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && afterScheme[slash..] != "/";
    }

    private static bool IsRe2(string pattern)
    {
        if (Re2Unsupported().IsMatch(pattern))
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryText(JsonObject rule, string key, out string text)
    {
        text = "";
        var node = rule[key];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(\[[^\]]*\]|[^:\[\]]*):\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostWithPort();

    [GeneratedRegex(@"\(\?=|\(\?!|\(\?<=|\(\?<!|\\[1-9]|\(\?>|\\k<", RegexOptions.CultureInvariant)]
    private static partial Regex Re2Unsupported();
}
