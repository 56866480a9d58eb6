using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Hosting.Tests.Cloudflared;

/// <summary>B33: what a usable connector token is.</summary>
public sealed class TunnelTokenCheckTests
{
    private const string TunnelId = "5e2b7c90-0000-4000-8000-000000000001";

    [Fact]
    public void Check_TokenForTheTunnel_ReturnsItTrimmed()
    {
        var token = TestTokens.For(TunnelId);

        Assert.Equal(token, TunnelTokenCheck.Check($" {token}\n", TunnelId));
    }

    [Fact]
    public void Check_TunnelIdInAnotherCase_IsTheSameTunnel()
    {
        var token = TestTokens.For(TunnelId.ToUpperInvariant());

        Assert.Equal(token, TunnelTokenCheck.Check(token, TunnelId));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("not-base64!", "not a cloudflared token")]
    [InlineData("eyJhIjoiYWNjb3VudCJ9", "not a cloudflared token")] // {"a":"account"}: no tunnel, no secret
    public void B33_Check_UnusableToken_ThrowsNamingTheProblem(string token, string problem)
    {
        var ex = Assert.Throws<InvalidTunnelTokenException>(() => TunnelTokenCheck.Check(token, TunnelId));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Contains(TunnelId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B33_Check_TokenWhoseTunnelFieldIsNotAnId_DoesNotRepeatIt()
    {
        var token = TestTokens.For("s3cr3t-looking-value");

        var ex = Assert.Throws<InvalidTunnelTokenException>(() => TunnelTokenCheck.Check(token, TunnelId));

        Assert.DoesNotContain("s3cr3t-looking-value", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
    }
}
