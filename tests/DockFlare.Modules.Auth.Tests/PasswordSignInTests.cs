using DockFlare.Modules.Auth.Users;
using DockFlare.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DockFlare.Modules.Auth.Tests;

public sealed class PasswordSignInTests
{
    private const string Password = "a-long-enough-password";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryStateStore _state = new();
    private readonly UserStore _users;
    private readonly PasswordSignIn _signIn;

    public PasswordSignInTests()
    {
        _users = new UserStore(_state);
        _signIn = new PasswordSignIn(_users, _time, NullLogger<PasswordSignIn>.Instance);
        _users.SaveAsync(new UserAccount("alice", PasswordSignIn.Hash(Password), Roles.Admin, 0, null, _time.GetUtcNow(), null), default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task SignIn_RightPassword_SucceedsAndNotesTheTime()
    {
        var result = await _signIn.SignInAsync("Alice", Password, default);

        Assert.True(result.Succeeded);
        Assert.Equal(_time.GetUtcNow(), (await _users.FindAsync("alice", default))!.LastLoginAt);
    }

    [Fact]
    public async Task SignIn_UnknownUser_IsRefusedLikeAWrongPassword()
    {
        var result = await _signIn.SignInAsync("mallory", Password, default);

        Assert.False(result.Succeeded);
        Assert.Null(result.LockedUntil);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksEvenTheRightPasswordUntilTheLockEnds()
    {
        for (var i = 1; i < PasswordSignIn.MaxFailedLogins; i++)
        {
            Assert.Null((await _signIn.SignInAsync("alice", "wrong", default)).LockedUntil);
        }

        var locked = await _signIn.SignInAsync("alice", "wrong", default);
        Assert.Equal(_time.GetUtcNow() + PasswordSignIn.LockoutDuration, locked.LockedUntil);

        _time.Advance(PasswordSignIn.LockoutDuration - TimeSpan.FromSeconds(1));
        var stillLocked = await _signIn.SignInAsync("alice", Password, default);
        Assert.False(stillLocked.Succeeded);
        Assert.NotNull(stillLocked.LockedUntil);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await _signIn.SignInAsync("alice", Password, default)).Succeeded);
    }

    [Fact]
    public async Task SignIn_ManyWrongGuessesAtOnce_NoCountIsLostAndTheAccountLocks()
    {
        _state.SettingReadDelay = TimeSpan.FromMilliseconds(20);
        var guesses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _signIn.SignInAsync("alice", "wrong", default)));
        _state.SettingReadDelay = TimeSpan.Zero;

        // Each guess was counted before its password was checked: the account is locked, and guesses past the
        // limit were refused as locked rather than checked.
        Assert.NotNull((await _users.FindAsync("alice", default))!.LockedUntil);
        Assert.True(guesses.Count(g => g.LockedUntil is not null) >= guesses.Length - PasswordSignIn.MaxFailedLogins + 1);
        Assert.False((await _signIn.SignInAsync("alice", Password, default)).Succeeded);
    }

    [Fact]
    public async Task SignIn_SuccessBetweenFailures_StartsTheCountAgain()
    {
        for (var i = 1; i < PasswordSignIn.MaxFailedLogins; i++)
        {
            await _signIn.SignInAsync("alice", "wrong", default);
        }

        await _signIn.SignInAsync("alice", Password, default);
        var next = await _signIn.SignInAsync("alice", "wrong", default);

        Assert.Null(next.LockedUntil);
        Assert.Equal(1, (await _users.FindAsync("alice", default))!.FailedLogins);
    }

    [Fact]
    public async Task Store_Account_NeverHoldsThePassword()
    {
        await _signIn.SignInAsync("alice", Password, default);

        var stored = Assert.Single(await _state.ListSettingsAsync());
        Assert.Equal("auth.user.alice", stored.Key);
        Assert.DoesNotContain(Password, stored.Value, StringComparison.Ordinal);
    }
}
