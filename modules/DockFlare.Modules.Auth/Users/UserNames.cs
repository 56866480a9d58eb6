using System.Text.RegularExpressions;

namespace DockFlare.Modules.Auth.Users;

/// <summary>The rules for user names and passwords, one place for the setup page, the users page and the tests.</summary>
public static partial class UserNames
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 256;

    /// <summary>Lower-cases a name; names are compared case-insensitively.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>Why <paramref name="userName"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "Enter a user name."
        : !NamePattern().IsMatch(userName.Trim()) ? "A user name has 1 to 64 letters, digits, dots, dashes, underscores or @, and starts with a letter or digit."
        : null;

    /// <summary>Why <paramref name="password"/> cannot be used, or null when it can.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength
            ? $"A password has at least {MinimumPasswordLength} characters."
            : password.Length > MaximumPasswordLength ? $"A password has at most {MaximumPasswordLength} characters."
            : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();
}
