namespace DockFlare.Modules.Agents.Tests;

/// <summary>The cloudflared status an agent's heartbeat carries, kept by the master and shown by the admin API (embedded mode).</summary>
public sealed class AgentHeartbeatStatusTests
{
    [Fact]
    public async Task Heartbeat_WithCloudflared_ShownOnTheAgent_AndReplacedByTheNextOne()
    {
        await using var master = await AgentMaster.StartAsync(null);
        var (agentId, secret) = await master.NewAgentAsync("edge-1");

        var first = await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", new
        {
            agentVersion = "1.2.3",
            cloudflared = new { state = "running", containerName = "cloudflared-agent-x", image = "cloudflare/cloudflared:2025.1.0", tunnelId = "t-1", error = (string?)null },
        }, secret);
        var (_, shown, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
        await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", new
        {
            agentVersion = "1.2.3",
            cloudflared = new { state = "failed", error = new string('e', 5000) },
        }, secret);
        var (_, listed, _) = await master.GetAsync("/api/v2/agents");

        Assert.Equal(200, first.Status);
        var cloudflared = shown.GetProperty("agent").GetProperty("cloudflared");
        Assert.Equal("running", cloudflared.GetProperty("state").GetString());
        Assert.Equal("cloudflared-agent-x", cloudflared.GetProperty("containerName").GetString());
        Assert.Equal("cloudflare/cloudflared:2025.1.0", cloudflared.GetProperty("image").GetString());
        Assert.Equal("t-1", cloudflared.GetProperty("tunnelId").GetString());
        Assert.Equal("1.2.3", cloudflared.GetProperty("agentVersion").GetString());
        Assert.True(cloudflared.TryGetProperty("reportedAt", out _));
        var latest = listed.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agent").GetProperty("id").GetString() == agentId)
            .GetProperty("cloudflared");
        Assert.Equal("failed", latest.GetProperty("state").GetString());
        Assert.Equal(1001, latest.GetProperty("error").GetString()!.Length); // an over-long error is cut, not refused
    }

    [Theory]
    [InlineData("""{"cloudflared":"running"}""", "'cloudflared' must be an object")]
    [InlineData("""{"cloudflared":{}}""", "'cloudflared.state' is required")]
    [InlineData("""{"cloudflared":{"state":"run ning"}}""", "'cloudflared.state' is required")]
    [InlineData("""{"cloudflared":{"state":"running","image":42}}""", "'cloudflared.image' must be a string")]
    [InlineData("""{"agentVersion":[],"cloudflared":{"state":"running"}}""", "'agentVersion' must be a string")]
    public async Task Heartbeat_BadCloudflaredStatus_Is400NamingTheField_AndNothingIsKept(string body, string message)
    {
        await using var master = await AgentMaster.StartAsync(null);
        var (agentId, secret) = await master.NewAgentAsync("edge-2");

        var (status, answer, _) = await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", body, secret);
        var (_, shown, _) = await master.GetAsync($"/api/v2/agents/{agentId}");

        Assert.Equal(400, status);
        Assert.Contains(message, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shown.GetProperty("agent").GetProperty("cloudflared").ValueKind);
    }
}
