using System.Security.Cryptography;
using DockFlare.Core.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth.Users;

/// <summary>
/// The one-time setup code: while no user exists, each start generates one, prints it through
/// <see cref="IApiKeyAnnouncer"/> and stores only its SHA-256 hash (<c>auth.setup-code.sha256</c>), so the setup page
/// can check it on any replica. Creating the first admin deletes it. Whoever reaches a fresh install cannot claim it
/// without reading the master's console.
/// </summary>
/// <remarks>Known limit: two replicas starting at the same moment each print a code; only the last one written works.</remarks>
public sealed class SetupCodeVault(IStateStore store, UserStore users, IApiKeyAnnouncer announcer, ILogger<SetupCodeVault> log)
    : IHostedService
{
    public const string HashSettingKey = "auth.setup-code.sha256";

    // No 0/O/1/I: the code is read off a console and typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCodeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A boundary: storage down at start must not stop the master; the setup page says how to get a code.
            log.LogWarning(ex, "The setup code could not be prepared; restart the master once its storage is reachable");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Generates and announces a code when no user exists yet.</summary>
    /// <returns>Whether a code was generated.</returns>
    public async Task<bool> EnsureCodeAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            await store.RemoveSettingAsync(HashSettingKey, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var code = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
        await store.SetSettingAsync(new SettingEntry(HashSettingKey, ApiKeyHash.ToHex(ApiKeyHash.Compute(code)), IsJson: false), cancellationToken)
            .ConfigureAwait(false);
        announcer.AnnounceSetupCode(code);
        log.LogWarning("No user exists yet: the setup code was printed to the console; open the web UI to create the first admin");
        return true;
    }

    /// <summary>Whether <paramref name="presented"/> is the current setup code (spaces and case do not matter).</summary>
    public async Task<bool> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(presented))
        {
            return false;
        }

        var stored = await store.GetSettingAsync(HashSettingKey, cancellationToken).ConfigureAwait(false);
        return stored is not null && ApiKeyHash.TryFromHex(stored.Value, out var hash)
            && ApiKeyHash.Matches(Normalize(presented), hash);
    }

    /// <summary>The code as printed (<c>XXXX-XXXX-XXXX-XXXX</c>) from what a person typed: any case, with spaces or dashes or none.</summary>
    public static string Normalize(string presented)
    {
        var characters = presented.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return characters.Length == 16 ? string.Join('-', characters.Chunk(4).Select(c => new string(c))) : new string(characters);
    }

    /// <summary>Forgets the code once the first admin exists.</summary>
    public Task RetireAsync(CancellationToken cancellationToken) => store.RemoveSettingAsync(HashSettingKey, cancellationToken);
}
