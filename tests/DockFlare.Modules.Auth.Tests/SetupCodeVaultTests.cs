using DockFlare.Modules.Auth.Users;
using DockFlare.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Modules.Auth.Tests;

public sealed class SetupCodeVaultTests
{
    private readonly InMemoryStateStore _state = new();
    private readonly IApiKeyAnnouncer _announcer = Substitute.For<IApiKeyAnnouncer>();
    private readonly UserStore _users;
    private readonly SetupCodeVault _vault;
    private string? _printed;

    public SetupCodeVaultTests()
    {
        _users = new UserStore(_state);
        _vault = new SetupCodeVault(_state, _users, _announcer, NullLogger<SetupCodeVault>.Instance);
        _announcer.When(a => a.AnnounceSetupCode(Arg.Any<string>())).Do(call => _printed = call.Arg<string>());
    }

    [Fact]
    public async Task Start_NoUser_PrintsACodeThatVerifiesWhateverItsCaseAndStoresOnlyItsHash()
    {
        await _vault.StartAsync(default);

        Assert.NotNull(_printed);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", _printed);
        Assert.True(await _vault.VerifyAsync(_printed.ToLowerInvariant(), default));
        Assert.True(await _vault.VerifyAsync(" " + _printed.ToLowerInvariant().Replace('-', ' ') + " ", default));
        Assert.True(await _vault.VerifyAsync(_printed.Replace("-", "", StringComparison.Ordinal), default));
        Assert.False(await _vault.VerifyAsync("AAAA-BBBB-CCCC-DDDD", default));
        Assert.False(await _vault.VerifyAsync("", default));
        Assert.DoesNotContain(await _state.ListSettingsAsync(), s => s.Value.Contains(_printed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_UserExists_PrintsNothingAndNoCodeVerifies()
    {
        await _vault.StartAsync(default);
        var old = _printed!;
        await _users.SaveAsync(new UserAccount("alice", "hash", Roles.Admin, 0, null, DateTimeOffset.UnixEpoch, null), default);
        _printed = null;

        await _vault.StartAsync(default);

        Assert.Null(_printed);
        Assert.False(await _vault.VerifyAsync(old, default));
    }

    [Fact]
    public async Task Retire_AfterSetup_CodeNoLongerVerifies()
    {
        await _vault.StartAsync(default);

        await _vault.RetireAsync(default);

        Assert.False(await _vault.VerifyAsync(_printed, default));
    }
}
