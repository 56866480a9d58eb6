namespace DockFlare.Host.Web.Cloudflare;

/// <summary>Where the Cloudflare account the master runs with came from.</summary>
internal enum CloudflareCredentialOrigin
{
    /// <summary>No Cloudflare: nothing is reconciled.</summary>
    None,

    /// <summary>The in-process emulator (<c>--sandbox</c>).</summary>
    Sandbox,

    /// <summary><c>CF_API_TOKEN</c> and <c>CF_ACCOUNT_ID</c> from the environment (or the command line).</summary>
    Environment,

    /// <summary>Entered in the UI and kept encrypted in the state store (<see cref="CloudflareCredentialStore"/>).</summary>
    Stored,
}

/// <summary>Where the running master's Cloudflare account came from, decided once at start.</summary>
/// <param name="Origin">Where it came from.</param>
/// <param name="LoadProblem">Why credentials stored in the UI could not be read at start (then <c>/readyz</c> is 503), or null.</param>
internal sealed record CloudflareCredentialSource(CloudflareCredentialOrigin Origin, string? LoadProblem = null);
