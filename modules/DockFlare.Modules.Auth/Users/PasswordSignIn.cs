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

        // The attempt is counted as a failure before the password is checked, atomically, so parallel guesses cannot
        // outrun the lockout: at most MaxFailedLogins passwords are ever checked before the account locks. A right
        // password then clears the count.
        var now = time.GetUtcNow();
        var lockedAlready = false;
        var counted = await users.UpdateAsync(account.UserName, current =>
        {
            lockedAlready = current.LockedUntil is { } until && until > now;
            if (lockedAlready)
            {
                return null;
            }

            var failures = current.FailedLogins + 1;
            return failures >= MaxFailedLogins
                ? current with { FailedLogins = 0, LockedUntil = now + LockoutDuration }
                : current with { FailedLogins = failures, LockedUntil = null };
        }, cancellationToken).ConfigureAwait(false);
        if (counted is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            log.LogWarning("Sign-in refused: no such user");
            return SignInResult.Refused;
        }

        if (lockedAlready)
        {
            log.LogWarning("Sign-in refused for {UserName}: locked until {LockedUntil}", counted.UserName, counted.LockedUntil);
            return new SignInResult(null, counted.LockedUntil);
        }

        var verdict = Hasher.VerifyHashedPassword(counted, counted.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            if (counted.LockedUntil is { } locked)
            {
                log.LogWarning("{UserName} is locked until {LockedUntil} after {Failures} wrong passwords", counted.UserName, locked, MaxFailedLogins);
                return new SignInResult(null, locked);
            }

            log.LogWarning("Sign-in refused for {UserName}: wrong password ({Failures} in a row)", counted.UserName, counted.FailedLogins);
            return SignInResult.Refused;
        }

        var changedMeanwhile = false;
        var signedIn = await users.UpdateAsync(counted.UserName, current =>
        {
            changedMeanwhile = current.PasswordHash != counted.PasswordHash;
            return changedMeanwhile ? null : current with
            {
                FailedLogins = 0,
                LockedUntil = null,
                LastLoginAt = now,
                PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password) : current.PasswordHash,
            };
        }, cancellationToken).ConfigureAwait(false);
        if (signedIn is null || changedMeanwhile)
        {
            // Deleted, or its password was changed while this attempt was checked: the checked password is not it any more.
            log.LogWarning("Sign-in refused for {UserName}: the account changed during the sign-in", counted.UserName);
            return SignInResult.Refused;
        }

        log.LogInformation("{UserName} signed in", counted.UserName);
        return new SignInResult(signedIn, null);
    }
}
