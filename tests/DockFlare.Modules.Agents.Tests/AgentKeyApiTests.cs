namespace DockFlare.Modules.Agents.Tests;

/// <summary>Agent keys and authentication through the real master, on Redis (database 24).</summary>
public sealed class AgentKeyApiTests
{
    private const int Database = 24;

    [Fact]
    public async Task Revoke_KeyInUse_RefusedOnTheVeryNextRequest()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret) = await master.NewAgentAsync("web-1");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret)).Status);

        var keyId = secret.Split('_')[1];
        var (revokeStatus, revoked, _) = await master.PostAsync($"/api/v2/agent-keys/{keyId}/revoke");

        Assert.Equal(200, revokeStatus);
        Assert.Equal("revoked", revoked.GetProperty("key").GetProperty("status").GetString());
        var (status, body, response) = await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret);
        Assert.Equal(401, status);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Roll_Key_OldSecretRefusedNewSecretAcceptedSameAgent()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret) = await master.NewAgentAsync("web-2");
        var keyId = secret.Split('_')[1];

        var (status, rolled, _) = await master.PostAsync($"/api/v2/agent-keys/{keyId}/roll");

        Assert.Equal(200, status);
        var newSecret = rolled.GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        Assert.StartsWith("dfa_" + keyId + "_", newSecret, StringComparison.Ordinal);
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret)).Status);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, newSecret)).Status);
    }

    [Fact]
    public async Task List_Keys_ShowMetadataButNeverTheSecretOrHash()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret) = await master.NewAgentAsync("web-3");

        var (status, body, _) = await master.GetAsync("/api/v2/agent-keys");

        Assert.Equal(200, status);
        var text = body.ToString();
        Assert.DoesNotContain(secret.Split('_')[2], text, StringComparison.Ordinal);
        var key = Assert.Single(body.GetProperty("keys").EnumerateArray());
        Assert.Equal(agentId, key.GetProperty("boundAgentId").GetString());
        Assert.Equal("active", key.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, key.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task Authentication_KeysAreNotInterchangeable()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentA, secretA) = await master.NewAgentAsync("a");
        var (agentB, _) = await master.NewAgentAsync("b");

        // An agent key is not an admin key, the admin key is not an agent key, and a key only acts for its agent.
        Assert.Equal(401, (await master.GetAsync("/api/v2/agents", secretA)).Status);
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentA}/heartbeat", null, AgentMaster.AdminKey)).Status);
        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentB}/inventory", new { containers = Array.Empty<object>() }, secretA);
        Assert.Equal(403, status);
        Assert.Equal("forbidden", body.GetProperty("error").GetString());
        // A bound key cannot register a second agent.
        Assert.Equal(403, (await master.PostAsync("/api/v2/agents/register", new { agentId = Guid.NewGuid().ToString(), displayName = "x" }, secretA)).Status);
        Assert.Equal(200, (await master.PostAsync("/api/v2/agents/register", new { displayName = "a" }, secretA)).Status);
    }

    [Fact]
    public async Task Register_OwnUuidFree_IsKeptAndTakenIdRefused()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var own = Guid.NewGuid().ToString();
        var (_, first) = await master.NewKeyAsync();
        var (_, second) = await master.NewKeyAsync();

        var (status, body, _) = await master.PostAsync("/api/v2/agents/register", new { agentId = own, displayName = "mine" }, first);
        Assert.Equal(201, status);
        Assert.Equal(own, body.GetProperty("agentId").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());

        Assert.Equal(403, (await master.PostAsync("/api/v2/agents/register", new { agentId = own, displayName = "thief" }, second)).Status);
        var (otherStatus, other, _) = await master.PostAsync("/api/v2/agents/register", new { agentId = "not-a-uuid", displayName = "other" }, second);
        Assert.Equal(201, otherStatus);
        Assert.True(Guid.TryParse(other.GetProperty("agentId").GetString(), out _));
    }

    [Fact]
    public async Task Requests_BadBodies_400And413NeverA500()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret) = await master.NewAgentAsync("bodies");

        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/inventory", "{not json", secret)).Status);
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/inventory", "[1,2]", secret)).Status);
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { new { name = "x" } } }, secret)).Status);
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/events", "", secret)).Status);
        var huge = "{\"containers\":[],\"pad\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";
        Assert.Equal(413, (await master.PostAsync($"/api/v2/agents/{agentId}/inventory", huge, secret)).Status);
    }

    [Fact]
    public async Task RateLimit_Burst_429WithRetryAfter()
    {
        await using var master = await AgentMaster.StartAsync(Database, "--AGENT_RATE_LIMIT_PER_MINUTE=10");
        var (agentId, secret) = await master.NewAgentAsync("chatty");

        (int Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response) last = default;
        for (var i = 0; i < 15 && last.Status != 429; i++)
        {
            last = await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret);
        }

        Assert.Equal(429, last.Status);
        Assert.NotNull(last.Response!.Headers.RetryAfter);
    }
}
