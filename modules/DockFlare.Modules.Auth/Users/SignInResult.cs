namespace DockFlare.Modules.Auth.Users;

/// <summary>The outcome of a password sign-in.</summary>
/// <param name="Account">The signed-in account, when <see cref="Succeeded"/>.</param>
/// <param name="LockedUntil">When a locked account opens again.</param>
public sealed record SignInResult(UserAccount? Account, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Account is not null;

    public static SignInResult Refused { get; } = new(null, null);
}
