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

    [Fact]
    public async Task Embedded_Restart_KeysAgentScopesReportAndPendingCommandsSurvive()
    {
        string data;
        string agentId;
        string secret;
        string tunnelId;
        var queued = new List<string>();
        await using (var first = await AgentMaster.StartAsync(redisDatabase: null))
        {
            (agentId, secret, tunnelId) = await first.EnrolledAgentAsync("survivor", "example.com");
            var container = new { id = "c1", name = "web", state = "running", labels = new Dictionary<string, string> { ["dockflare.enable"] = "true", ["dockflare.hostname"] = "web.example.com", ["dockflare.service"] = "http://web:80" } };
            Assert.Equal(200, (await first.PostAsync($"/api/v2/agents/{agentId}/inventory", new { containers = new[] { container } }, secret)).Status);
            queued.Add((await first.PostAsync($"/api/v2/agents/{agentId}/update-image", new { image = "cloudflare/cloudflared:2025.8.0" })).Body.GetProperty("command").GetProperty("id").GetString()!);
            queued.Add((await first.PostAsync($"/api/v2/agents/{agentId}/resync")).Body.GetProperty("command").GetProperty("id").GetString()!);
            data = first.KeepDataDirectory();
        }

        // Only the hash of the key is on disk.
        var files = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains(files, f => f.Contains(secret.Split('_')[1], StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains(secret.Split('_')[2], StringComparison.Ordinal));

        await using var second = await AgentMaster.StartOnAsync(data, redisDatabase: null);
        var (status, shown, _) = await second.GetAsync($"/api/v2/agents/{agentId}");
        Assert.Equal(200, status);
        var agent = shown.GetProperty("agent").GetProperty("agent");
        Assert.Equal(("survivor", "enrolled", tunnelId), (agent.GetProperty("displayName").GetString(), agent.GetProperty("status").GetString(), agent.GetProperty("tunnelId").GetString()));
        Assert.Equal("example.com", Assert.Single(agent.GetProperty("scopes").GetProperty("zones").EnumerateArray()).GetString());
        Assert.Equal(1, shown.GetProperty("agent").GetProperty("reportedContainers").GetInt32());
        var (_, keys, _) = await second.GetAsync("/api/v2/agent-keys");
        Assert.Equal(agentId, Assert.Single(keys.GetProperty("keys").EnumerateArray()).GetProperty("boundAgentId").GetString());
        var history = shown.GetProperty("commands").EnumerateArray().Select(h => (h.GetProperty("command").GetProperty("action").GetString(), h.GetProperty("state").GetString())).ToList();
        Assert.Equal([("resync", "pending"), ("update_image", "pending"), ("start_tunnel", "pending")], history);

        // The key still opens the agent API, and the pending commands are delivered (start_tunnel waits: this sandbox has a new account).
        var (pollStatus, poll, _) = await second.GetAsync($"/api/v2/agents/{agentId}/commands?wait=0", secret);
        Assert.Equal(200, pollStatus);
        Assert.Equal(queued, poll.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
    }
}
