using DockFlare.Core.State;
using DockFlare.Host.Web.Cloudflare;
using DockFlare.Testing;
using Microsoft.AspNetCore.DataProtection;

namespace DockFlare.Host.Tests;

/// <summary>Cloudflare credentials entered in the UI are stored encrypted and read back only with the same keys.</summary>
public sealed class CloudflareCredentialStoreTests
{
    private const string Account = "0123456789abcdef0123456789abcdef";
    private const string Token = "secret-token-value-0123456789";

    private readonly InMemoryStateStore _state = new();

    [Fact]
    public async Task Save_ThenLoad_RoundTripsWithNothingInClear()
    {
        var keys = new EphemeralDataProtectionProvider();
        await new CloudflareCredentialStore(_state, keys).SaveAsync(new CloudflareCredentials(Account, Token), default);

        var raw = (await _state.GetSettingAsync(CloudflareCredentialStore.SettingKey, default))!.Value;
        Assert.DoesNotContain(Token, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Account, raw, StringComparison.Ordinal);
        Assert.Equal(new CloudflareCredentials(Account, Token), await new CloudflareCredentialStore(_state, keys).LoadAsync(default));
    }

    [Fact]
    public async Task Load_KeysLost_SaysSoInsteadOfFailingObscurely()
    {
        await new CloudflareCredentialStore(_state, new EphemeralDataProtectionProvider()).SaveAsync(new CloudflareCredentials(Account, Token), default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new CloudflareCredentialStore(_state, new EphemeralDataProtectionProvider()).LoadAsync(default));

        Assert.Contains("cannot be decrypted", error.Message, StringComparison.Ordinal);
        Assert.Contains("Enter them again in Settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TamperedValue_IsRefused()
    {
        var keys = new EphemeralDataProtectionProvider();
        var store = new CloudflareCredentialStore(_state, keys);
        await store.SaveAsync(new CloudflareCredentials(Account, Token), default);
        var raw = (await _state.GetSettingAsync(CloudflareCredentialStore.SettingKey, default))!.Value;
        await _state.SetSettingAsync(new SettingEntry(CloudflareCredentialStore.SettingKey, raw[..^4] + "AAAA", false), default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadAsync(default));
    }

    [Fact]
    public async Task Forget_RemovesThem()
    {
        var store = new CloudflareCredentialStore(_state, new EphemeralDataProtectionProvider());
        await store.SaveAsync(new CloudflareCredentials(Account, Token), default);

        await store.ForgetAsync(default);

        Assert.Null(await store.LoadAsync(default));
    }

    [Theory]
    [InlineData("", Token, "account id")]
    [InlineData("0123456789abcdef", Token, "account id")]
    [InlineData("0123456789abcdef0123456789abcdeg", Token, "account id")]
    [InlineData(Account, "", "API token")]
    [InlineData(Account, "two words", "API token")]
    public void Parse_BadForm_NamesTheField(string account, string token, string field)
    {
        var (credentials, problem) = CloudflareCredentialCheck.Parse(account, token);

        Assert.Null(credentials);
        Assert.Contains(field, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UpperCaseAccountAndSpacesAround_AreNormalized()
    {
        var (credentials, _) = CloudflareCredentialCheck.Parse("  " + Account.ToUpperInvariant() + " ", " " + Token + "\n");

        Assert.Equal(new CloudflareCredentials(Account, Token), credentials);
    }
}
