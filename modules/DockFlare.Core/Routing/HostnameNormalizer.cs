using System.Buffers;
using System.Text;
using System.Globalization;
using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Routing;

/// <summary>
/// Turns a hostname label into the form used everywhere else: trimmed, lower-case, one
/// trailing dot removed, internationalised labels in punycode, at most one leading <c>*.</c>.
/// A scheme, path or port written into the hostname is rejected with advice on where it belongs.
/// </summary>
internal static class HostnameNormalizer
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };
    private static readonly SearchValues<char> LabelCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <param name="raw">The hostname as written.</param>
    /// <param name="hostKey">The label key of the hostname, for advice.</param>
    /// <param name="pathKey">The label key a path belongs in.</param>
    /// <param name="serviceKey">The label key a port or scheme belongs in.</param>
    /// <param name="hostname">The normalised hostname.</param>
    /// <param name="error">Why it was rejected.</param>
    public static bool TryNormalize(string raw, string hostKey, string pathKey, string serviceKey, out string hostname, out ValidationError error)
    {
        hostname = "";
        var text = raw.Trim();
        if (text.Length == 0)
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"'{hostKey}' is empty; write a public hostname such as app.example.com.");
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var rest = text[(schemeEnd + 3)..];
            var cut = rest.IndexOfAny(['/', ':', '?', '#']);
            var bare = cut < 0 ? rest : rest[..cut];
            error = new(DiagnosticCodes.HostnameHasScheme,
                $"The hostname '{text}' has a scheme, which is not allowed in a hostname: write '{hostKey}={bare}'; the scheme and port of the origin belong in '{serviceKey}', e.g. '{serviceKey}=http://<container>:<port>'.");
            return false;
        }

        var slash = text.IndexOfAny(['/', '?', '#']);
        if (slash >= 0)
        {
            var hostPart = text[..slash];
            var pathPart = text[slash..];
            error = new(DiagnosticCodes.HostnameHasPath,
                $"The hostname '{text}' contains a path, which is not allowed in a hostname: write '{hostKey}={hostPart}' and '{pathKey}={(pathPart.StartsWith('/') ? pathPart : "/" + pathPart.TrimStart('?', '#'))}'.");
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            var port = text[(colon + 1)..];
            error = port.Length > 0 && port.All(char.IsAsciiDigit) && text.IndexOf(':') == colon
                ? new(DiagnosticCodes.HostnameHasPort,
                    $"The hostname '{text}' contains a port, which is not allowed in a hostname: write '{hostKey}={text[..colon]}'; the port belongs in the service, e.g. '{serviceKey}=http://<container>:{port}'.")
                : new(DiagnosticCodes.HostnameInvalid, $"The hostname '{text}' contains ':', which is not allowed; write a DNS name such as app.example.com.");
            return false;
        }

        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? text[2..] : text;
        if (name.Contains('*', StringComparison.Ordinal) || text == "*")
        {
            error = new(DiagnosticCodes.HostnameInvalid,
                $"The hostname '{raw.Trim()}' has a '*' that is not a single leading '*.': only wildcards such as '*.example.com' are allowed.");
            return false;
        }

        if (!Ascii.IsValid(name))
        {
            try
            {
                name = Idn.GetAscii(name);
            }
            catch (ArgumentException)
            {
                error = new(DiagnosticCodes.HostnameInvalid,
                    $"The hostname '{raw.Trim()}' is not a valid internationalised domain name (it cannot be converted to punycode).");
                return false;
            }
        }

        name = name.ToLowerInvariant();
        if (name.Contains("xn--", StringComparison.Ordinal) && !IsValidPunycode(name))
        {
            error = new(DiagnosticCodes.HostnameInvalid,
                $"The hostname '{raw.Trim()}' has an 'xn--' label that is not valid punycode; write the name in its own letters and DockFlare converts it.");
            return false;
        }

        if (!TryCheckLabels(name, raw.Trim(), out error))
        {
            return false;
        }

        hostname = wildcard ? "*." + name : name;
        if (hostname.Length > MaxLength)
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"The hostname '{raw.Trim()}' is {hostname.Length} characters long; a hostname has at most {MaxLength}.");
            return false;
        }

        error = default;
        return true;
    }

    private static bool IsValidPunycode(string name)
    {
        try
        {
            _ = Idn.GetUnicode(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryCheckLabels(string name, string shown, out ValidationError error)
    {
        if (!name.Contains('.', StringComparison.Ordinal))
        {
            error = new(DiagnosticCodes.HostnameInvalid,
                $"The hostname '{shown}' is a single label; write the full public name, such as '{(name.Length == 0 ? "app" : name)}.example.com'.");
            return false;
        }

        var rest = name.AsSpan();
        var lastLabel = ReadOnlySpan<char>.Empty;
        while (true)
        {
            var dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            if (!TryCheckLabel(label, shown, out error))
            {
                return false;
            }

            lastLabel = label;
            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        if (!lastLabel.ContainsAnyExcept(AsciiDigits))
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"'{shown}' is an IP address or ends in a numeric label; a route needs a public DNS name.");
            return false;
        }

        error = default;
        return true;
    }

    private static bool TryCheckLabel(ReadOnlySpan<char> label, string shown, out ValidationError error)
    {
        if (label.Length == 0)
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"The hostname '{shown}' has an empty label (two dots in a row, or a leading dot).");
            return false;
        }

        if (label.Length > MaxLabelLength)
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"The hostname '{shown}' has a label of {label.Length} characters; each label has at most {MaxLabelLength}.");
            return false;
        }

        var bad = label.IndexOfAnyExcept(LabelCharacters);
        if (bad >= 0)
        {
            error = label[bad] == '_'
                ? new(DiagnosticCodes.HostnameInvalid,
                    $"The hostname '{shown}' contains '_', which public hostnames cannot have (certificates and proxied records reject it); use '-' instead.")
                : new(DiagnosticCodes.HostnameInvalid,
                    $"The hostname '{shown}' contains '{label[bad]}'; a hostname has only letters, digits, '-' and dots.");
            return false;
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            error = new(DiagnosticCodes.HostnameInvalid, $"The hostname '{shown}' has a label that starts or ends with '-' ('{label}').");
            return false;
        }

        error = default;
        return true;
    }
}
