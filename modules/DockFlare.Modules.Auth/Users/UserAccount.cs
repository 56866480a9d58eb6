using System.Security.Cryptography;
using System.Text;

namespace DockFlare.Modules.Auth.Users;

/// <summary>A person who signs in to the UI with a password.</summary>
/// <param name="UserName">Unique, compared case-insensitively (stored lower-case).</param>
/// <param name="PasswordHash">ASP.NET Core Identity's hash (PBKDF2 with a per-user salt); never the password.</param>
/// <param name="Role"><see cref="Roles.Admin"/> or <see cref="Roles.Viewer"/>.</param>
/// <param name="FailedLogins">Consecutive failed sign-ins since the last success or lock.</param>
/// <param name="LockedUntil">Sign-in is refused until then, even with the right password.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="LastLoginAt">The last successful sign-in.</param>
public sealed record UserAccount(
    string UserName,
    string PasswordHash,
    string Role,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    /// <summary>
    /// Changes whenever the password is set (each hash has its own salt): a session remembers the stamp it was made
    /// with, so setting a password ends the account's other sessions.
    /// </summary>
    public string SessionStamp => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PasswordHash)), 0, 12);
}
