using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Routing;

/// <summary>
/// Validates an origin service the way cloudflared does, and writes it canonically:
/// <c>http(s)://host[:port]</c>, <c>tcp|ssh|rdp://host:port</c>, <c>unix:/path</c>,
/// <c>unix+tls:/path</c>, <c>http_status:NNN</c> (100–999), <c>hello_world</c>, <c>bastion</c>.
/// Hosts may be Docker service names (underscores allowed), IPv4 or bracketed IPv6.
/// </summary>
internal static class ServiceParser
{
    private static readonly SearchValues<char> HostCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    private const string Accepted =
        "http://host[:port], https://host[:port], tcp://host:port, ssh://host:port, rdp://host:port, unix:/path, unix+tls:/path, http_status:NNN, hello_world or bastion";

    public static bool TryParse(string raw, string serviceKey, string pathKey, out ParsedService service, out ValidationError error)
    {
        service = default;
        var text = raw.Trim();
        var lower = text.ToLowerInvariant();
        error = default;
        switch (lower)
        {
            case "":
                error = new(DiagnosticCodes.ServiceMissing, $"'{serviceKey}' is empty; write the origin, e.g. '{serviceKey}=http://<container>:<port>'.");
                return false;
            case "hello_world" or "hello-world":
                service = new("hello_world", ServiceKind.HelloWorld);
                return true;
            case "bastion":
                service = new("bastion", ServiceKind.Bastion);
                return true;
        }

        if (lower.StartsWith("http_status:", StringComparison.Ordinal))
        {
            var code = lower["http_status:".Length..];
            if (code.Length == 3 && code.All(char.IsAsciiDigit) && int.Parse(code, CultureInfo.InvariantCulture) >= 100)
            {
                service = new("http_status:" + code, ServiceKind.HttpStatus);
                return true;
            }

            error = new(DiagnosticCodes.ServiceInvalid, $"The service '{text}' needs an HTTP status code from 100 to 999, e.g. 'http_status:404'.");
            return false;
        }

        if (lower.StartsWith("unix+tls:", StringComparison.Ordinal) || lower.StartsWith("unix:", StringComparison.Ordinal))
        {
            var tls = lower.StartsWith("unix+tls:", StringComparison.Ordinal);
            var path = text[(tls ? "unix+tls:" : "unix:").Length..];
            if (path.Length < 2 || path[0] != '/' || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                error = new(DiagnosticCodes.ServiceInvalid,
                    $"The service '{text}' needs an absolute socket path without spaces, e.g. '{(tls ? "unix+tls" : "unix")}:/run/app.sock'.");
                return false;
            }

            service = new((tls ? "unix+tls:" : "unix:") + path, tls ? ServiceKind.UnixTls : ServiceKind.Unix);
            return true;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            error = new(DiagnosticCodes.ServiceInvalid,
                $"The service '{text}' has no scheme: write it as {Accepted}, e.g. '{serviceKey}=http://{text}'.");
            return false;
        }

        var scheme = lower[..schemeEnd];
        ServiceKind kind;
        switch (scheme)
        {
            case "http": kind = ServiceKind.Http; break;
            case "https": kind = ServiceKind.Https; break;
            case "tcp": kind = ServiceKind.Tcp; break;
            case "ssh": kind = ServiceKind.Ssh; break;
            case "rdp": kind = ServiceKind.Rdp; break;
            case "ws" or "wss":
                error = new(DiagnosticCodes.ServiceInvalid,
                    $"The service '{text}' uses {scheme}://; write {(scheme == "ws" ? "http" : "https")}:// instead (cloudflared carries WebSockets over HTTP).");
                return false;
            default:
                error = new(DiagnosticCodes.ServiceInvalid, $"The service '{text}' has the unsupported scheme '{scheme}'; write one of {Accepted}.");
                return false;
        }

        var rest = text.AsSpan(schemeEnd + 3);
        var end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        var tail = end < 0 ? [] : rest[end..];
        if (tail.Length > 0 && !tail.SequenceEqual("/"))
        {
            if (tail[0] == '/')
            {
                error = new(DiagnosticCodes.ServiceHasPath,
                    $"The service '{text}' has a path ('{tail}'), but cloudflared cannot proxy to a different path on the origin: write '{serviceKey}={scheme}://{authority}'"
                    + (kind is ServiceKind.Http or ServiceKind.Https ? $", and to publish only that path use '{pathKey}={tail}'." : "."));
                return false;
            }

            error = new(DiagnosticCodes.ServiceInvalid, $"The service '{text}' has a query or fragment; write only {scheme}://host[:port].");
            return false;
        }

        if (!TrySplitAuthority(authority, out var host, out var port, out var problem))
        {
            // Never repeat credentials written in the URL: diagnostics end up in logs and the UI.
            var shown = authority.Contains('@') ? $"{scheme}://***@{authority[(authority.LastIndexOf('@') + 1)..]}" : text;
            error = new(DiagnosticCodes.ServiceInvalid, $"The service '{shown}' is not valid: {problem}.");
            return false;
        }

        if (port < 0 && kind is ServiceKind.Tcp or ServiceKind.Ssh or ServiceKind.Rdp)
        {
            var example = kind switch { ServiceKind.Ssh => "22", ServiceKind.Rdp => "3389", _ => "5432" };
            error = new(DiagnosticCodes.ServiceInvalid, $"The service '{text}' needs a port for {scheme}://, e.g. '{scheme}://{host}:{example}'.");
            return false;
        }

        // Most services are already written canonically; only build a new string when not.
        var canonical = port < 0 ? $"{scheme}://{host}" : string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}");
        service = new(canonical == text ? text : canonical, kind);
        return true;
    }

    private static bool TrySplitAuthority(ReadOnlySpan<char> authority, out string host, out int port, out string problem)
    {
        host = "";
        port = -1;
        if (authority.Contains('@'))
        {
            problem = "credentials in the URL are not supported";
            return false;
        }

        ReadOnlySpan<char> portText;
        bool hasPort;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IPAddress.TryParse(authority[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                problem = "the IPv6 address in brackets is not valid";
                return false;
            }

            host = "[" + authority[1..close].ToString().ToLowerInvariant() + "]";
            var after = authority[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                problem = "only ':port' may follow an IPv6 address";
                return false;
            }

            hasPort = after.Length > 0;
            portText = hasPort ? after[1..] : [];
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0 && authority[(colon + 1)..].Contains(':'))
            {
                problem = "an IPv6 address must be written in brackets, e.g. http://[2001:db8::1]:8080";
                return false;
            }

            var name = colon < 0 ? authority : authority[..colon];
            hasPort = colon >= 0;
            portText = hasPort ? authority[(colon + 1)..] : [];
            if (name.Length == 0)
            {
                problem = "the host is missing";
                return false;
            }

            if (name.Length > 253 || name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal)
                || name.ContainsAnyExcept(HostCharacters))
            {
                problem = $"'{name}' is not a host name or IP address";
                return false;
            }

            host = name.ContainsAnyInRange('A', 'Z') ? name.ToString().ToLowerInvariant() : name.ToString();
        }

        if (hasPort && portText.Length == 0)
        {
            problem = "the port after ':' is missing";
            return false;
        }

        if (hasPort && (portText.Length > 5 || portText.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"the port '{portText}' is not a number from 1 to 65535";
            return false;
        }

        problem = "";
        return true;
    }
}
