namespace DockFlare.Modules.Auth;

/// <summary>Prints a generated key to standard output, bypassing Serilog on purpose (see <see cref="IApiKeyAnnouncer"/>).</summary>
internal sealed class ConsoleApiKeyAnnouncer : IApiKeyAnnouncer
{
    public void Announce(string apiKey)
    {
        var rule = new string('=', 78);
        Console.Out.Write(
            $"""

            {rule}
             DockFlare generated an API key for the REST API:

               {apiKey}

             Send it as 'Authorization: Bearer <key>'. Only its SHA-256 hash is stored, so it
             will NOT be shown again: save it now. To choose your own key, set DOCKFLARE_API_KEY.
            {rule}


            """);
        Console.Out.Flush();
    }

    public void AnnounceSetupCode(string setupCode)
    {
        var rule = new string('=', 78);
        Console.Out.Write(
            $"""

            {rule}
             DockFlare has no user yet. Open the web UI and enter this setup code to create
             the first admin:

               {setupCode}

             The code works until the first admin exists; a restart prints a new one.
            {rule}


            """);
        Console.Out.Flush();
    }
}
