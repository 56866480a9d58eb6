using System.Text.Json;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>An original DockFlare 3.x agent's exact requests against the real master (Redis database 26).</summary>
public sealed class AgentCompatTests
{
    private const int Database = 26;
    private static readonly string[] ExampleCom = ["example.com"];

    [Fact]
    public async Task OriginalAgent_RegisterPollEventsStatusReport_EnrolledAndPublished()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (_, key) = await master.NewKeyAsync("legacy");

        // register, as [A1.0] sends it
        var (status, registered, _) = await master.PostAsync("/api/v2/agents/register", new { display_name = "legacy-host", version = "1.0.0" }, key);
        Assert.Equal(201, status);
        Assert.Equal("success", registered.GetProperty("status").GetString());
        var agentId = registered.GetProperty("agent_id").GetString()!;
        Assert.Equal(agentId, registered.GetProperty("agent").GetProperty("id").GetString());
        Assert.Equal("pending", registered.GetProperty("agent").GetProperty("status").GetString());

        // the 30-second poll (no wait parameter) and a heartbeat with an agent clock far in the past
        var (pollStatus, poll, _) = await master.GetAsync($"/api/v2/agents/{agentId}/commands", key);
        Assert.Equal(200, pollStatus);
        Assert.Equal("success", poll.GetProperty("status").GetString());
        Assert.Empty(poll.GetProperty("commands").EnumerateArray());
        var (beatStatus, beat, _) = await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = "heartbeat", timestamp = "1999-01-01T00:00:00+00:00" }, key);
        Assert.Equal(202, beatStatus);
        Assert.Equal("success", beat.GetProperty("status").GetString());
        Assert.Equal("Event received and processed.", beat.GetProperty("message").GetString());
        var (_, shown, _) = await master.GetAsync($"/api/v2/agents/{agentId}");
        Assert.Equal("online", shown.GetProperty("agent").GetProperty("liveness").GetString());

        // the admin enrols it
        var (enrolStatus, enrolled, _) = await master.PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true, scopes = new { zones = ExampleCom } });
        Assert.Equal(200, enrolStatus);
        var tunnelId = enrolled.GetProperty("agent").GetProperty("tunnelId").GetString()!;

        // the next poll carries start_tunnel with the token, in the original shape
        var (_, commands, _) = await master.GetAsync($"/api/v2/agents/{agentId}/commands", key);
        var start = Assert.Single(commands.GetProperty("commands").EnumerateArray());
        Assert.Equal("start_tunnel", start.GetProperty("action").GetString());
        Assert.Equal(tunnelId, start.GetProperty("tunnel_id").GetString());
        Assert.False(string.IsNullOrEmpty(start.GetProperty("token").GetString()));

        // status_report right after the heartbeat, as [A1.0] nests it
        var report = new
        {
            type = "status_report",
            timestamp = "2030-01-01T00:00:00+00:00",
            container = new
            {
                containers = new[]
                {
                    new
                    {
                        id = "0123456789ab",
                        name = "whoami",
                        status = "running",
                        labels = new Dictionary<string, string>
                        {
                            ["dockflare.enable"] = "true",
                            ["dockflare.hostname"] = "legacy.example.com",
                            ["dockflare.service"] = "http://whoami:80",
                            ["com.docker.compose.project"] = "demo",
                        },
                    },
                },
            },
        };
        var (reportStatus, reported, _) = await master.PostAsync($"/api/v2/agents/{agentId}/events", report, key);
        Assert.Equal(202, reportStatus);
        Assert.Equal("Event received and processed.", reported.GetProperty("message").GetString());

        var outcome = await master.ReconcileAsync();
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var records = await master.Dns.ListDnsRecordsAsync(master.Emulator.ZoneIds["example.com"], new(Name: "legacy.example.com"), CancellationToken.None);
        Assert.Equal(tunnelId + ".cfargotunnel.com", Assert.Single(records).Content);

        // a restart of the agent registers again with its saved id: 200, same agent
        var (again, same, _) = await master.PostAsync("/api/v2/agents/register", new { agent_id = agentId, display_name = "legacy-host", version = "1.0.0" }, key);
        Assert.Equal(200, again);
        Assert.Equal(agentId, same.GetProperty("agent_id").GetString());
        Assert.Equal("enrolled", same.GetProperty("agent").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OriginalAgent_ContainerStopEvent_Accepted202AndUnknownTypesToo()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (_, key) = await master.NewKeyAsync("legacy-2");
        var (_, registered, _) = await master.PostAsync("/api/v2/agents/register", new { display_name = "legacy-2" }, key);
        var agentId = registered.GetProperty("agent_id").GetString()!;

        var container = new { id = "abc", name = "web", labels = new Dictionary<string, string> { ["dockflare.enable"] = "true" } };
        Assert.Equal(202, (await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = "container_start", timestamp = "x", container }, key)).Status);
        Assert.Equal(202, (await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = "container_stop", timestamp = "x", container }, key)).Status);
        Assert.Equal(202, (await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = "tunnel_status", container = new { name = "dockflare-agent-tunnel", status = "running" } }, key)).Status);
        Assert.Equal(202, (await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = new { action = "die", container_id = "abc" } }, key)).Status);
        var (status, body, _) = await master.PostAsync($"/api/v2/agents/{agentId}/events", new { type = "container_start", container = "nope" }, key);
        Assert.Equal(400, status);
        Assert.Equal(JsonValueKind.String, body.GetProperty("message").ValueKind);
    }
}
