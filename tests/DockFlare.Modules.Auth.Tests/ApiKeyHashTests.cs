namespace DockFlare.Modules.Auth.Tests;

public sealed class ApiKeyHashTests
{
    [Fact]
    public void Matches_SameKey_IsTrue()
    {
        var hash = ApiKeyHash.Compute("the-key-0123456789-abcdefghij");

        Assert.True(ApiKeyHash.Matches("the-key-0123456789-abcdefghij", hash));
    }

    [Theory]
    [InlineData("the-key-0123456789-abcdefghiJ")]
    [InlineData("the-key-0123456789-abcdefghij ")]
    [InlineData("")]
    public void Matches_OtherKey_IsFalse(string presented)
    {
        var hash = ApiKeyHash.Compute("the-key-0123456789-abcdefghij");

        Assert.False(ApiKeyHash.Matches(presented, hash));
    }

    [Fact]
    public void TryFromHex_HexOfAHash_RoundTrips()
    {
        var hash = ApiKeyHash.Compute("k");

        Assert.True(ApiKeyHash.TryFromHex(ApiKeyHash.ToHex(hash), out var parsed));
        Assert.Equal(hash, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void TryFromHex_NotAHash_IsFalse(string? text)
    {
        Assert.False(ApiKeyHash.TryFromHex(text, out _));
    }
}
