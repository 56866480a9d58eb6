using DockFlare.Modules.Auth.Tokens;
using DockFlare.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DockFlare.Modules.Auth.Tests;

public sealed class ApiTokenStoreTests
{
    private readonly InMemoryStateStore _state = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ApiTokenStore _tokens;

    public ApiTokenStoreTests() => _tokens = new ApiTokenStore(_state, _time);

    [Fact]
    public async Task Create_Token_StoresOnlyItsHash()
    {
        var (record, token) = await _tokens.CreateAsync("backup script", ApiTokenScope.Read, "alice", default);

        Assert.StartsWith($"dft_{record.Id}_", token, StringComparison.Ordinal);
        Assert.DoesNotContain((await _state.ListSettingsAsync()), s => s.Value.Contains(token, StringComparison.Ordinal));
        Assert.Equal("backup script", Assert.Single(await _tokens.ListAsync(default)).Name);
    }

    [Fact]
    public async Task Authenticate_ValidToken_ReturnsItAndNotesLastUseAtMostOnceAMinute()
    {
        var (_, token) = await _tokens.CreateAsync("ci", ApiTokenScope.ReadWrite, "alice", default);

        Assert.Equal(_time.GetUtcNow(), (await _tokens.AuthenticateAsync(token, default))!.LastUsedAt);
        var first = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(first, (await _tokens.AuthenticateAsync(token, default))!.LastUsedAt);
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(_time.GetUtcNow(), (await _tokens.AuthenticateAsync(token, default))!.LastUsedAt);
    }

    [Fact]
    public async Task Authenticate_AlteredOrRevokedToken_ReturnsNull()
    {
        var (record, token) = await _tokens.CreateAsync("ci", ApiTokenScope.ReadWrite, "alice", default);

        Assert.Null(await _tokens.AuthenticateAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), default));
        Assert.Null(await _tokens.AuthenticateAsync("dft_000000000000_" + new string('A', 43), default));
        Assert.Null(await _tokens.AuthenticateAsync("not a token", default));

        Assert.True(await _tokens.RevokeAsync(record.Id, default));
        Assert.Null(await _tokens.AuthenticateAsync(token, default));
        Assert.False(await _tokens.RevokeAsync("000000000000", default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_EmptyName_IsRefused(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _tokens.CreateAsync(name, ApiTokenScope.Read, "alice", default));
}
