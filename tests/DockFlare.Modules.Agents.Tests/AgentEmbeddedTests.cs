namespace DockFlare.Modules.Agents.Tests;

/// <summary>The embedded single-master mode (no Redis): keys and registry in the state store's settings.</summary>
public sealed class AgentEmbeddedTests
{
    [Fact]
    public async Task Embedded_KeysAndRegistry_WorkWithoutRedis()
    {
        await using var master = await AgentMaster.StartAsync(redisDatabase: null, "--AGENT_ENROLLMENT_REQUIRED=false");
        var (agentId, secret) = await master.NewAgentAsync("solo");

        var (_, list, _) = await master.GetAsync("/api/v2/agents");
        var agent = Assert.Single(list.GetProperty("agents").EnumerateArray()).GetProperty("agent");
        Assert.Equal(agentId, agent.GetProperty("id").GetString());
        Assert.Equal("enrolled", agent.GetProperty("status").GetString());
        Assert.False(agent.TryGetProperty("tunnelId", out var tunnel) && tunnel.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/rename", new { displayName = "Solo Box" })).Status);
        Assert.Equal(400, (await master.PostAsync($"/api/v2/agents/{agentId}/rename", new { displayName = "<script>" })).Status);

        var keyId = secret.Split('_')[1];
        var (_, rolled, _) = await master.PostAsync($"/api/v2/agent-keys/{keyId}/roll");
        var newSecret = rolled.GetProperty("secret").GetString()!;
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret)).Status);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, newSecret)).Status);
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agent-keys/{keyId}/revoke")).Status);
        Assert.Equal(401, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, newSecret)).Status);
        Assert.Equal(409, (await master.PostAsync($"/api/v2/agent-keys/{keyId}/roll")).Status);
    }
}
