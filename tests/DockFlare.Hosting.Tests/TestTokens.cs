using System.Text;

namespace DockFlare.Hosting.Tests;

/// <summary>Connector tokens in cloudflared's format: base64 of <c>{"a":account,"t":tunnel,"s":secret}</c>.</summary>
internal static class TestTokens
{
    public static string For(string tunnelId, string secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=") =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"a\":\"0123456789abcdef0123456789abcdef\",\"t\":\"{tunnelId}\",\"s\":\"{secret}\"}}"));
}
