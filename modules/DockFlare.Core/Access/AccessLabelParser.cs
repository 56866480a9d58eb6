using System.Text.RegularExpressions;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Labels;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Access;

/// <summary>
/// Turns the <c>access.*</c> labels of one route into an <see cref="AccessIntent"/>, with the
/// original's legacy rewrites. It fails closed: Access labels that cannot be turned into a
/// safe app block the route (no ingress, no DNS) instead of publishing it unprotected.
/// </summary>
internal static partial class AccessLabelParser
{
    public const string BypassGroup = "public-default-bypass";
    public const string AuthenticatedGroup = "authenticated-default";

    private static readonly string[] Settings =
    [
        LabelCatalog.AccessName, LabelCatalog.AccessSessionDuration, LabelCatalog.AccessAppLauncherVisible,
        LabelCatalog.AccessAllowedIdps, LabelCatalog.AccessAutoRedirect,
    ];

    /// <summary>The intent, or null when the labels are invalid (an error was reported).</summary>
    public static AccessIntent? Parse(RouteDraft draft, string hostname, NormalizedPath? path, DiagnosticSink sink)
    {
        var access = draft.Access;
        if (access.Count == 0)
        {
            return AccessIntent.NoneFor(hostname, path?.AccessPath);
        }

        AccessIntent? intent;
        if (access.TryGetValue(LabelCatalog.AccessGroups, out var groupsLabel) && SplitList(groupsLabel.Value) is { Count: > 0 } groups)
        {
            var ignored = access.Keys.Where(k => k != LabelCatalog.AccessGroups).Select(k => access[k].Key).Order(StringComparer.Ordinal).ToList();
            if (ignored.Count > 0)
            {
                sink.Warning(DiagnosticCodes.AccessIgnored, ignored[0],
                    $"{string.Join(", ", ignored.Select(k => $"'{k}'"))} {(ignored.Count == 1 ? "has" : "have")} no effect because '{groupsLabel.Key}' is set: the app's settings come from the Access group.");
            }

            var rewritten = groups.Select(g => string.Equals(g, "bypass", StringComparison.OrdinalIgnoreCase) ? BypassGroup : g)
                .Distinct(StringComparer.Ordinal).ToList();
            return CoversPath(draft, path, sink) ? new AccessIntent(hostname, path?.AccessPath, AccessMode.Groups) { Groups = rewritten } : null;
        }

        var hasPolicy = access.TryGetValue(LabelCatalog.AccessPolicy, out var policyLabel);
        var policy = hasPolicy ? policyLabel.Value.Trim().ToLowerInvariant() : null;
        string? customJson = null;
        if (access.TryGetValue(LabelCatalog.AccessCustomRules, out var custom))
        {
            customJson = CustomRulesValidator.Validate(custom.Value, out var problem);
            if (customJson is null)
            {
                sink.Error(DiagnosticCodes.AccessInvalid, custom.Key,
                    $"'{custom.Key}' is rejected and the route is not published (it would otherwise be less protected than asked): {problem}.");
                return null;
            }
        }

        if (customJson is not null)
        {
            if (policy is "bypass" or "authenticate" or "default_tld")
            {
                sink.Warning(DiagnosticCodes.AccessIgnored, policyLabel.Key,
                    $"'{policyLabel.Key}={policyLabel.Value}' is ignored because '{custom.Key}' is set; the custom policies protect the app.");
            }

            intent = new AccessIntent(hostname, path?.AccessPath, AccessMode.CustomRules) { CustomRulesJson = customJson, LegacyPolicy = policy };
        }
        else if (policy is null)
        {
            var keys = access.Values.Select(v => v.Key).Order(StringComparer.Ordinal).ToList();
            sink.Warning(DiagnosticCodes.AccessIgnored, keys[0],
                $"{string.Join(", ", keys.Select(k => $"'{k}'"))} {(keys.Count == 1 ? "has" : "have")} no effect without '{draft.KeyFor(LabelCatalog.AccessGroup)}', '{draft.KeyFor(LabelCatalog.AccessPolicy)}' or '{draft.KeyFor(LabelCatalog.AccessCustomRules)}'; no Access app is made.");
            return AccessIntent.NoneFor(hostname, path?.AccessPath);
        }
        else
        {
            switch (policy)
            {
                case "bypass":
                    intent = new AccessIntent(hostname, path?.AccessPath, AccessMode.Groups) { Groups = [BypassGroup], LegacyPolicy = policy };
                    break;
                case "authenticate":
                    // The Access module must fail closed when this group cannot be made (no account e-mail).
                    intent = new AccessIntent(hostname, path?.AccessPath, AccessMode.Groups) { Groups = [AuthenticatedGroup], LegacyPolicy = policy };
                    break;
                case "default_tld":
                    intent = new AccessIntent(hostname, path?.AccessPath, AccessMode.ZoneDefault) { LegacyPolicy = policy };
                    break;
                default:
                    sink.Error(DiagnosticCodes.AccessInvalid, policyLabel.Key,
                        $"'{policyLabel.Key}={policyLabel.Value}' is not bypass, authenticate or default_tld, and there is no '{draft.KeyFor(LabelCatalog.AccessCustomRules)}'; the route is not published. Use '{draft.KeyFor(LabelCatalog.AccessGroup)}=<group id>' instead.");
                    return null;
            }
        }

        return ApplySettings(intent, draft, path, sink);
    }

    private static AccessIntent? ApplySettings(AccessIntent intent, RouteDraft draft, NormalizedPath? path, DiagnosticSink sink)
    {
        var access = draft.Access;
        if (intent.Mode != AccessMode.ZoneDefault && !CoversPath(draft, path, sink))
        {
            return null;
        }

        var result = intent;
        foreach (var key in Settings)
        {
            if (!access.TryGetValue(key, out var label))
            {
                continue;
            }

            switch (key)
            {
                case LabelCatalog.AccessName:
                    if (label.Value.Any(char.IsControl) || label.Value.Length > 350)
                    {
                        sink.Error(DiagnosticCodes.AccessInvalid, label.Key,
                            $"'{label.Key}' must be one line of at most 350 characters; the route is not published.");
                        return null;
                    }

                    result = result with { AppName = label.Value.Length == 0 ? null : label.Value };
                    break;
                case LabelCatalog.AccessSessionDuration:
                    if (!GoDuration().IsMatch(label.Value))
                    {
                        sink.Error(DiagnosticCodes.AccessInvalid, label.Key,
                            $"'{label.Key}={label.Value}' is not a duration such as 24h, 30m or 2h45m; the route is not published.");
                        return null;
                    }

                    result = result with { SessionDuration = label.Value };
                    break;
                case LabelCatalog.AccessAppLauncherVisible:
                    result = result with { AppLauncherVisible = ReadBool(label, sink) };
                    break;
                case LabelCatalog.AccessAutoRedirect:
                    result = result with { AutoRedirectToIdentity = ReadBool(label, sink) };
                    break;
                case LabelCatalog.AccessAllowedIdps:
                    var idps = SplitList(label.Value);
                    if (idps.FirstOrDefault(i => !Guid.TryParse(i, out _)) is { } bad)
                    {
                        sink.Error(DiagnosticCodes.AccessInvalid, label.Key,
                            $"'{bad}' in '{label.Key}' is not an identity-provider id (a UUID from Zero Trust → Settings → Authentication); the route is not published.");
                        return null;
                    }

                    result = result with { AllowedIdps = idps };
                    break;
            }
        }

        if (result.AutoRedirectToIdentity && result.AllowedIdps.Count != 1)
        {
            sink.Error(DiagnosticCodes.AccessInvalid, access[LabelCatalog.AccessAutoRedirect].Key,
                $"'{access[LabelCatalog.AccessAutoRedirect].Key}' needs exactly one identity provider in '{draft.KeyFor(LabelCatalog.AccessAllowedIdps)}' (found {result.AllowedIdps.Count}); the route is not published.");
            return null;
        }

        return result;
    }

    // Access apps cover a host or a host plus path prefix; a regular-expression path cannot be
    // expressed, and publishing it unprotected would fail open.
    private static bool CoversPath(RouteDraft draft, NormalizedPath? path, DiagnosticSink sink)
    {
        if (path is not { AccessPath: null })
        {
            return true;
        }

        sink.Error(DiagnosticCodes.AccessInvalid, draft.Path?.Key,
            $"An Access app can protect a hostname or a plain path prefix, but the path '{draft.Path?.Value}' is a regular expression, so the route is not published. Use a plain path such as '/admin', or drop the Access labels.");
        return false;
    }

    private static bool ReadBool(LabelValue label, DiagnosticSink sink)
    {
        var value = BooleanLabel.Parse(label.Value, out var recognised);
        if (!recognised)
        {
            sink.Warning(DiagnosticCodes.InvalidBoolean, label.Key, $"'{label.Key}={label.Value}' is not true/yes/1/t or false/no/0/f; it is read as false.");
        }

        return value;
    }

    private static List<string> SplitList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
