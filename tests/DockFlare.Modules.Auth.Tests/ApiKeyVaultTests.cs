using System.Security.Cryptography;
using System.Text;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Modules.Auth.Tests;

public sealed class ApiKeyVaultTests
{
    private const string ConfiguredKey = "configured-key-0123456789-abcdefghij";
    private readonly IStateStore _store = Substitute.For<IStateStore>();
    private readonly IApiKeyAnnouncer _announcer = Substitute.For<IApiKeyAnnouncer>();

    [Fact]
    public async Task Verify_ConfiguredKey_AcceptsItWithoutTouchingTheStoreOrPrinting()
    {
        using var vault = Vault(ConfiguredKey);

        Assert.True(await vault.VerifyAsync(ConfiguredKey, CancellationToken.None));
        Assert.False(await vault.VerifyAsync("another-key-0123456789-abcdefghij", CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().GetSettingAsync(default!, default);
        await _store.DidNotReceiveWithAnyArgs().SetSettingAsync(default!, default);
        _announcer.DidNotReceiveWithAnyArgs().Announce(default!);
    }

    [Fact]
    public async Task GetExpectedHash_NothingStored_GeneratesAnnouncesOnceAndStoresOnlyTheHash()
    {
        string? announced = null;
        _announcer.When(a => a.Announce(Arg.Any<string>())).Do(c => announced = c.Arg<string>());
        using var vault = Vault(null);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => vault.GetExpectedHashAsync(CancellationToken.None)));

        _announcer.ReceivedWithAnyArgs(1).Announce(default!);
        Assert.NotNull(announced);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", announced);
        var expectedHex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(announced)));
        await _store.Received(1).SetSettingAsync(new SettingEntry(ApiKeyVault.HashSettingKey, expectedHex, false), Arg.Any<CancellationToken>());
        Assert.True(await vault.VerifyAsync(announced, CancellationToken.None));
    }

    [Fact]
    public async Task GetExpectedHash_HashStored_UsesItAndPrintsNothing()
    {
        var key = "earlier-generated-key-0123456789abcdefghijk";
        _store.GetSettingAsync(ApiKeyVault.HashSettingKey, Arg.Any<CancellationToken>())
            .Returns(new SettingEntry(ApiKeyVault.HashSettingKey, ApiKeyHash.ToHex(ApiKeyHash.Compute(key)), false));
        using var vault = Vault(null);

        Assert.True(await vault.VerifyAsync(key, CancellationToken.None));
        _announcer.DidNotReceiveWithAnyArgs().Announce(default!);
        await _store.DidNotReceiveWithAnyArgs().SetSettingAsync(default!, default);
    }

    [Fact]
    public async Task GetExpectedHash_StoredValueNotAHash_ThrowsNamingTheSettingAndNeverRegenerates()
    {
        _store.GetSettingAsync(ApiKeyVault.HashSettingKey, Arg.Any<CancellationToken>())
            .Returns(new SettingEntry(ApiKeyVault.HashSettingKey, "garbage", false));
        using var vault = Vault(null);

        var error = await Assert.ThrowsAsync<StateCorruptedException>(() => vault.GetExpectedHashAsync(CancellationToken.None));

        Assert.Contains(ApiKeyVault.HashSettingKey, error.Message, StringComparison.Ordinal);
        await _store.DidNotReceiveWithAnyArgs().SetSettingAsync(default!, default);
    }

    private ApiKeyVault Vault(string? configuredKey) =>
        new(new AuthOptions { ApiKey = configuredKey }, _store, _announcer, NullLogger<ApiKeyVault>.Instance);
}
