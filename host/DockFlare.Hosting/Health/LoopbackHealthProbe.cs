namespace DockFlare.Hosting.Health;

/// <summary>
/// The <c>health</c> subcommand of the master and the agent: asks the running process's health endpoint on loopback and
/// exits 0 when it answers 2xx, 1 otherwise. Their images' HEALTHCHECK calls it, so the images need no curl or wget.
/// </summary>
internal static class LoopbackHealthProbe
{
    /// <summary>The subcommand's name.</summary>
    public const string Command = "health";

    /// <summary>Asks <paramref name="probe"/> (4 s at most); writes the status and the body to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(Uri probe, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(probe).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{probe}: {(int)response.StatusCode} {body}".TrimEnd()).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{probe} did not answer: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
