using System.Globalization;
using DockFlare.Hosting.Health;

namespace DockFlare.Host.Cli;

/// <summary>
/// <c>DockFlare.Host health</c>: asks the running master's <c>/healthz</c> on loopback and exits 0 when it answers 200,
/// 1 otherwise. The image's HEALTHCHECK calls it, so the image needs no curl or wget. The port is the first one of
/// <c>ASPNETCORE_URLS</c> (or <c>--urls</c>), as the master itself reads it.
/// </summary>
internal static class HealthCommand
{
    public const string Name = LoopbackHealthProbe.Command;

    public static async Task<int> RunAsync(string? urls, TextWriter output, TextWriter error)
    {
        if (ProbeUri(urls) is not { } probe)
        {
            await error.WriteLineAsync($"ASPNETCORE_URLS '{urls}' names no http:// address to ask /healthz on.").ConfigureAwait(false);
            return 1;
        }

        return await LoopbackHealthProbe.RunAsync(probe, output, error).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>http://127.0.0.1:&lt;port&gt;/healthz</c> for the first http URL of <paramref name="urls"/> (ASP.NET Core's
    /// <c>;</c>-separated list; <c>+</c>, <c>*</c> and any-address hosts mean loopback); null when there is none.
    /// Unset, ASP.NET Core's default <c>http://localhost:5000</c>.
    /// </summary>
    internal static Uri? ProbeUri(string? urls)
    {
        var list = string.IsNullOrWhiteSpace(urls) ? "http://localhost:5000" : urls;
        foreach (var raw in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // '+' and '*' are not valid URI hosts: swap them before parsing.
            var text = raw.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : uri.Host;
            return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{uri.Port}/healthz"));
        }

        return null;
    }
}
