using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth.Users;

/// <summary>
/// Checks a user name and password, with lockout: <see cref="MaxFailedLogins"/> wrong passwords in a row lock the
/// account for <see cref="LockoutDuration"/>, during which even the right password is refused. The hash is ASP.NET
/// Core Identity's <see cref="PasswordHasher{TUser}"/>, rehashed when the hasher asks for it.
/// </summary>
public sealed class PasswordSignIn(UserStore users, TimeProvider time, ILogger<PasswordSignIn> log)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Hashing against this when the user does not exist keeps the time taken the same, so timing does not tell
    // which user names exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "dockflare-no-such-user");

    /// <summary>Hashes a new password.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Signs in, counting failures and locking the account after too many.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var account = UserNames.Problem(userName) is null ? await users.FindAsync(userName, cancellationToken).ConfigureAwait(false) : null;
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            log.LogWarning("Sign-in refused: no such user");
            return SignInResult.Refused;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            log.LogWarning("Sign-in refused for {UserName}: locked until {LockedUntil}", account.UserName, until);
            return new SignInResult(null, until);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedLogins + 1;
            var locked = failures >= MaxFailedLogins ? now + LockoutDuration : (DateTimeOffset?)null;
            await users.SaveAsync(account with { FailedLogins = locked is null ? failures : 0, LockedUntil = locked }, cancellationToken)
                .ConfigureAwait(false);
            if (locked is not null)
            {
                log.LogWarning("{UserName} is locked until {LockedUntil} after {Failures} wrong passwords", account.UserName, locked, failures);
                return new SignInResult(null, locked);
            }

            log.LogWarning("Sign-in refused for {UserName}: wrong password ({Failures} in a row)", account.UserName, failures);
            return SignInResult.Refused;
        }

        var signedIn = account with
        {
            FailedLogins = 0,
            LockedUntil = null,
            LastLoginAt = now,
            PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password) : account.PasswordHash,
        };
        await users.SaveAsync(signedIn, cancellationToken).ConfigureAwait(false);
        log.LogInformation("{UserName} signed in", account.UserName);
        return new SignInResult(signedIn, null);
    }
}
