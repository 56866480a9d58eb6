using System.Globalization;
using DockFlare.Hosting.Health;

namespace DockFlare.Agent.Health;

/// <summary>
/// <c>DockFlare.Agent health</c>: asks the running agent's <c>/health</c> on loopback and exits 0 when it answers 200
/// (healthy or degraded), 1 otherwise. The image's HEALTHCHECK calls it, so no curl or wget is needed in the image.
/// </summary>
internal static class HealthProbe
{
    public const string Command = LoopbackHealthProbe.Command;

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var raw = configuration["HEALTH_CHECK_PORT"];
        var port = 8080;
        if (!string.IsNullOrWhiteSpace(raw)
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            await error.WriteLineAsync($"HEALTH_CHECK_PORT '{raw}' is not a port from 1 to 65535 (0 turns /health off, so there is nothing to ask)").ConfigureAwait(false);
            return 1;
        }

        return await LoopbackHealthProbe.RunAsync(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/health")), output, error).ConfigureAwait(false);
    }
}
