using System.Text;
using System.Text.Json;
using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The emulator's DNS, tunnel, ingress and Access rules, over raw HTTP.</summary>
public sealed class EmulatorObjectRuleTests
{
    [Theory]
    [InlineData("[]", "At least one ingress rule")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\"}]", "Rule #1: The last ingress rule must match all URLs")]
    [InlineData("[{\"service\":\"http_status:404\"},{\"service\":\"http_status:404\"}]", "Rule #1 is matching the hostname ''")]
    [InlineData("[{\"hostname\":\"*\",\"service\":\"http://a:80\"},{\"service\":\"http_status:404\"}]", "Rule #1 is matching the hostname '*'")]
    [InlineData("[{\"hostname\":\"a.*.example.com\",\"service\":\"http://a:80\"},{\"service\":\"http_status:404\"}]", "Rule #1: Hostname patterns can have at most one wildcard")]
    [InlineData("[{\"hostname\":\"a.example.com:8080\",\"service\":\"http://a:80\"},{\"service\":\"http_status:404\"}]", "Rule #1: Hostname cannot contain a port")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"web:8080\"},{\"service\":\"http_status:404\"}]", "Rule #1: web:8080 is an invalid address")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://web:8080/api\"},{\"service\":\"http_status:404\"}]", "don't support proxying to a different path")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\"},{\"service\":\"http_status:99\"}]", "Rule #2: invalid HTTP status code")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"path\":\"(?=x)\",\"service\":\"http://a:80\"},{\"service\":\"http_status:404\"}]", "Rule #1 has an invalid regex")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\",\"originRequest\":{\"connectTimeout\":\"30s\"}},{\"service\":\"http_status:404\"}]", "Rule #1: originRequest.connectTimeout must be a whole number")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\",\"originRequest\":{\"connectTimeout\":30.5}},{\"service\":\"http_status:404\"}]", "Rule #1: originRequest.connectTimeout must be a whole number")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\",\"originRequest\":{\"matchSNIToHost\":true}},{\"service\":\"http_status:404\"}]", "must be spelled 'matchSNItoHost'")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\",\"originRequest\":{\"noTLSVerify\":\"yes\"}},{\"service\":\"http_status:404\"}]", "Rule #1: originRequest.noTLSVerify must be a boolean")]
    [InlineData("[{\"hostname\":\"a.example.com\",\"service\":\"http://a:80\",\"originRequest\":{\"access\":{\"required\":true,\"audTag\":[\"x\"]}}},{\"service\":\"http_status:404\"}]", "access.TeamName cannot be blank")]
    public async Task PutConfiguration_InvalidIngress_Answers400NamingTheProblem(string ingress, string expected)
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var tunnelId = await CreateTunnel(client, emulator, "v");

        var (status, body, _) = await client.SendAsync(HttpMethod.Put, $"/accounts/{emulator.AccountId}/cfd_tunnel/{tunnelId}/configurations", $"{{\"config\":{{\"ingress\":{ingress}}}}}");

        Assert.Equal(400, status);
        Assert.StartsWith("Bad Configuration: Validation failed: ", EmulatorClient.FirstMessage(body), StringComparison.Ordinal);
        Assert.Contains(expected, EmulatorClient.FirstMessage(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"hostname\":\"*.example.com\",\"service\":\"https://10.0.0.5:443\"},{\"service\":\"http_status:404\"}]")]
    [InlineData("[{\"path\":\"^/health\",\"service\":\"hello_world\"},{\"hostname\":\"*\",\"service\":\"http_status:503\"}]")]
    [InlineData("[{\"hostname\":\"s.example.com\",\"service\":\"ssh://host:22\"},{\"hostname\":\"u.example.com\",\"service\":\"unix:/tmp/s.sock\"},{\"service\":\"http_status:404\"}]")]
    public async Task PutConfiguration_ValidIngress_IsAccepted(string ingress)
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var tunnelId = await CreateTunnel(client, emulator, "ok");

        var (status, body, _) = await client.SendAsync(HttpMethod.Put, $"/accounts/{emulator.AccountId}/cfd_tunnel/{tunnelId}/configurations", $"{{\"config\":{{\"ingress\":{ingress}}}}}");

        Assert.Equal(200, status);
        Assert.Equal(1, body.RootElement.GetProperty("result").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateTunnel_Response_CarriesDecodableTokenAndCredentialsFile()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (_, body, _) = await client.SendAsync(HttpMethod.Post, $"/accounts/{emulator.AccountId}/cfd_tunnel", new { name = "creds", config_src = "cloudflare" });

        var result = body.RootElement.GetProperty("result");
        using var token = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(result.GetProperty("token").GetString()!)));
        var file = result.GetProperty("credentials_file");
        Assert.Equal(emulator.AccountId, token.RootElement.GetProperty("a").GetString());
        Assert.Equal(result.GetProperty("id").GetString(), token.RootElement.GetProperty("t").GetString());
        Assert.Equal(32, Convert.FromBase64String(token.RootElement.GetProperty("s").GetString()!).Length);
        Assert.Equal(token.RootElement.GetProperty("s").GetString(), file.GetProperty("TunnelSecret").GetString());
        Assert.Equal("creds", file.GetProperty("TunnelName").GetString());
    }

    [Fact]
    public async Task CreateTunnel_LocalWithoutSecret_Answers400()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, _, _) = await client.SendAsync(HttpMethod.Post, $"/accounts/{emulator.AccountId}/cfd_tunnel", new { name = "local" });

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task DeleteTunnel_SoftDelete_KeepsItReadableWithDeletedAt()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var tunnelId = await CreateTunnel(client, emulator, "soft");

        var deleted = await client.SendAsync(HttpMethod.Delete, $"/accounts/{emulator.AccountId}/cfd_tunnel/{tunnelId}");
        var read = await client.SendAsync(HttpMethod.Get, $"/accounts/{emulator.AccountId}/cfd_tunnel/{tunnelId}");
        var onlyDeleted = await client.SendAsync(HttpMethod.Get, $"/accounts/{emulator.AccountId}/cfd_tunnel?is_deleted=true");

        Assert.Equal(200, deleted.Status);
        Assert.Equal(JsonValueKind.String, read.Body.RootElement.GetProperty("result").GetProperty("deleted_at").ValueKind);
        Assert.Equal(1, onlyDeleted.Body.RootElement.GetProperty("result").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"type\":\"TXT\",\"name\":\"t\",\"content\":\"x\",\"proxied\":true}", 9004)]
    [InlineData("{\"type\":\"CNAME\",\"name\":\"self.example.com\",\"content\":\"self.example.com\"}", 9039)]
    [InlineData("{\"type\":\"A\",\"name\":\"a\",\"content\":\"not-an-ip\"}", 9005)]
    [InlineData("{\"type\":\"A\",\"name\":\"a\",\"content\":\"198.51.100.1\",\"ttl\":30}", 9021)]
    [InlineData("{\"type\":\"BOGUS\",\"name\":\"a\",\"content\":\"x\"}", 9000)]
    [InlineData("{\"name\":\"a\",\"content\":\"x\"}", 9000)]
    [InlineData("not json", 6007)]
    public async Task CreateDnsRecord_InvalidRecord_Answers400WithCode(string body, int code)
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, answer, _) = await client.SendAsync(HttpMethod.Post, $"/zones/{emulator.ZoneIds["example.com"]}/dns_records", body);

        Assert.Equal((400, code), (status, EmulatorClient.Codes(answer)[0]));
    }

    [Fact]
    public async Task CreateDnsRecord_ApexAndRelativeNames_AreExpandedWithTheZone()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var zone = emulator.ZoneIds["example.com"];

        var apex = await client.SendAsync(HttpMethod.Post, $"/zones/{zone}/dns_records", new { type = "A", name = "@", content = "198.51.100.1" });
        var relative = await client.SendAsync(HttpMethod.Post, $"/zones/{zone}/dns_records", new { type = "A", name = "WWW", content = "198.51.100.1" });

        Assert.Equal("example.com", apex.Body.RootElement.GetProperty("result").GetProperty("name").GetString());
        Assert.Equal("www.example.com", relative.Body.RootElement.GetProperty("result").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AccessObjects_StatusCodes_FollowTheSpec()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var a = $"/accounts/{emulator.AccountId}/access";

        var group = await client.SendAsync(HttpMethod.Post, $"{a}/groups", new { name = "g", include = new[] { new { everyone = new { } } } });
        var groupId = group.Body.RootElement.GetProperty("result").GetProperty("id").GetString();
        var deleteGroup = await client.SendAsync(HttpMethod.Delete, $"{a}/groups/{groupId}");
        var token = await client.SendAsync(HttpMethod.Post, $"{a}/service_tokens", new { name = "t" });
        var tokenId = token.Body.RootElement.GetProperty("result").GetProperty("id").GetString();
        var listTokens = await client.SendAsync(HttpMethod.Get, $"{a}/service_tokens");
        var deleteToken = await client.SendAsync(HttpMethod.Delete, $"{a}/service_tokens/{tokenId}");
        var app = await client.SendAsync(HttpMethod.Post, $"{a}/apps", new { type = "self_hosted", domain = "*.example.com", name = "wild", session_duration = "2h45m" });
        var badDuration = await client.SendAsync(HttpMethod.Post, $"{a}/apps", new { type = "self_hosted", domain = "x.example.com", name = "x", session_duration = "1 day" });
        var autoRedirect = await client.SendAsync(HttpMethod.Post, $"{a}/apps", new { type = "self_hosted", domain = "y.example.com", name = "y", auto_redirect_to_identity = true });
        var unknownPolicy = await client.SendAsync(HttpMethod.Post, $"{a}/apps", new { type = "self_hosted", domain = "z.example.com", name = "z", policies = new[] { Guid.NewGuid().ToString() } });
        var corsAndBypass = await client.SendAsync(HttpMethod.Post, $"{a}/apps", new { type = "self_hosted", domain = "c.example.com", name = "c", options_preflight_bypass = true, cors_headers = new { allow_all_origins = true } });
        var deleteApp = await client.SendAsync(HttpMethod.Delete, $"{a}/apps/{app.Body.RootElement.GetProperty("result").GetProperty("id").GetString()}");

        Assert.Equal((201, 202), (group.Status, deleteGroup.Status));
        Assert.Equal(groupId, deleteGroup.Body.RootElement.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal((201, 200), (token.Status, deleteToken.Status));
        Assert.True(token.Body.RootElement.GetProperty("result").TryGetProperty("client_secret", out _));
        Assert.False(listTokens.Body.RootElement.GetProperty("result")[0].TryGetProperty("client_secret", out _));
        Assert.Equal("t", deleteToken.Body.RootElement.GetProperty("result").GetProperty("name").GetString());
        Assert.Equal((201, 202), (app.Status, deleteApp.Status));
        Assert.Equal((400, 400, 400, 400), (badDuration.Status, autoRedirect.Status, unknownPolicy.Status, corsAndBypass.Status));
    }

    private static async Task<string> CreateTunnel(EmulatorClient client, RunningEmulator emulator, string name)
    {
        var (_, body, _) = await client.SendAsync(HttpMethod.Post, $"/accounts/{emulator.AccountId}/cfd_tunnel", new { name, config_src = "cloudflare" });
        return body.RootElement.GetProperty("result").GetProperty("id").GetString()!;
    }
}
