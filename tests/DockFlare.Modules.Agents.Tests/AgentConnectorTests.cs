using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>
/// The connector origin check (case B29): on the registry in Redis (database 30) with the emulator, and
/// through the real master's endpoint. The emulator's connectors all come from one documentation address,
/// so the connections list with chosen origin addresses is served by an emulator fault rule with a body.
/// </summary>
[Collection(AgentSharedDatabase.Collection)]
public sealed class AgentConnectorTests
{
    private const int Database = AgentSharedDatabase.Database;
    private const string AgentAddress = "192.0.2.10";
    private const string ForeignAddress = "192.0.2.99";
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>The tunnel's connections as Cloudflare lists them: one connector from the agent's host, one from elsewhere.</summary>
    private static (FaultRule Rule, string AgentConnector, string ForeignConnector) Connectors(string tunnelId)
    {
        var own = Guid.NewGuid().ToString("D");
        var foreign = Guid.NewGuid().ToString("D");
        JsonObject Connector(string id, string ip) => new()
        {
            ["id"] = id,
            ["arch"] = "linux_amd64",
            ["version"] = "2025.8.0",
            ["config_version"] = 1,
            ["run_at"] = "2026-05-01T10:00:00Z",
            ["conns"] = new JsonArray(
                new JsonObject { ["id"] = Guid.NewGuid().ToString("D"), ["colo_name"] = "fra08", ["origin_ip"] = ip, ["client_id"] = id, ["opened_at"] = "2026-05-01T10:00:00Z" },
                new JsonObject { ["id"] = Guid.NewGuid().ToString("D"), ["colo_name"] = "ams01", ["origin_ip"] = ip, ["client_id"] = id, ["opened_at"] = "2026-05-01T10:00:00Z" }),
        };
        var body = new JsonObject
        {
            ["success"] = true,
            ["errors"] = new JsonArray(),
            ["messages"] = new JsonArray(),
            ["result"] = new JsonArray(Connector(own, AgentAddress), Connector(foreign, ForeignAddress)),
        };
        var rule = new FaultRule
        {
            Method = "GET",
            Path = $"^/accounts/[^/]+/cfd_tunnel/{tunnelId}/connections$",
            Count = 0,
            Status = 200,
            Body = body.ToJsonString(),
            ContentType = "application/json",
        };
        return (rule, own, foreign);
    }

    [Fact]
    public async Task B29_ConnectorFromAnotherAddress_WarningNames192_0_2_99NoneFor192_0_2_10AndLoggedOnce()
    {
        await using var cloudflare = await CloudflareHarness.StartAsync();
        var tunnel = (await cloudflare.Tunnels.CreateTunnelAsync(cloudflare.AccountId, "dockflare-agent-b29", Ct)).Tunnel;
        var (rule, own, foreign) = Connectors(tunnel.Id);
        cloudflare.Emulator.AddFault(rule);
        await using var redis = await AgentCommandTestRedis.ConnectAsync(Database);
        await AgentCommandTestRedis.FlushAsync(redis, Database);
        var documents = new AgentDocuments(new RedisAgentStore(redis));
        var agentId = Guid.NewGuid().ToString("D");
        await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, _ =>
            new AgentRecord(agentId, "edge-b29", AgentStatus.Enrolled, "k1", DateTimeOffset.UtcNow) { TunnelId = tunnel.Id, TunnelName = tunnel.Name });
        var check = new AgentConnectorCheck(
            documents,
            new Lazy<DockFlare.Plugins.Abstractions.Cloudflare.ICloudflareTunnels>(() => cloudflare.Tunnels),
            new CloudflareAccount(cloudflare.AccountId, IsSandbox: false),
            TimeProvider.System,
            cloudflare.Get<ILogger<AgentConnectorCheck>>());

        var unknown = await check.ListAsync(agentId, Ct); // the agent never called in: nothing can be checked
        Assert.All(unknown.Connectors, c => Assert.Null(c.FromAgent));
        Assert.Empty(unknown.Warnings);

        // What the agent API does with every authenticated request's remote address.
        await check.RecordAddressAsync(agentId, IPAddress.Parse("::ffff:" + AgentAddress), Ct);
        var report = await check.ListAsync(agentId, Ct);
        var firstRun = await check.CheckAllAsync(Ct);
        var secondRun = await check.CheckAllAsync(Ct);

        Assert.Equal([AgentAddress], report.KnownAddresses);
        Assert.Equal([true, false], report.Connectors.Select(c => c.FromAgent));
        Assert.Equal([AgentAddress], report.Connectors.Single(c => c.Id == own).OriginIps);
        var warning = Assert.Single(report.Warnings);
        Assert.Contains($"connects from {ForeignAddress}", warning, StringComparison.Ordinal);
        Assert.Contains(foreign, warning, StringComparison.Ordinal);
        Assert.Contains($"agent 'edge-b29' ({AgentAddress})", warning, StringComparison.Ordinal);
        Assert.Contains("stale connectors cause intermittent 502s", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(own, warning, StringComparison.Ordinal);
        Assert.Equal([warning], firstRun);
        Assert.Empty(secondRun); // logged once, not every cycle
        var logged = cloudflare.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(AgentConnectorCheck), StringComparison.Ordinal)).ToList();
        Assert.Contains(ForeignAddress, Assert.Single(logged).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logged, e => e.Message.Contains("connects from " + AgentAddress, StringComparison.Ordinal));

        // The foreign connector goes away: nothing to warn; if it comes back it is logged again.
        cloudflare.Emulator.ClearFaults();
        Assert.Empty(await check.CheckAllAsync(Ct));
        cloudflare.Emulator.AddFault(rule);
        Assert.Single(await check.CheckAllAsync(Ct));
    }

    [Fact]
    public async Task B29_ConnectorsEndpoint_ListsConnectorsWithOriginsAndWarnsAboutTheForeignOne()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, secret, tunnelId) = await master.EnrolledAgentAsync("edge-endpoint", "example.com");
        Assert.Equal(200, (await master.PostAsync($"/api/v2/agents/{agentId}/heartbeat", null, secret)).Status);
        var recorded = (await master.GetAsync($"/api/v2/agents/{agentId}")).Body.GetProperty("agent").GetProperty("agent");
        Assert.Equal("127.0.0.1", recorded.GetProperty("lastAddress").GetString()); // the test client's address, as the master saw it
        await master.Get<IAgentConnectors>().RecordAddressAsync(agentId, IPAddress.Parse(AgentAddress), Ct);
        var (rule, own, foreign) = Connectors(tunnelId);
        master.Emulator.AddFault(rule);

        var (status, body, _) = await master.GetAsync($"/api/v2/agents/{agentId}/connectors");

        Assert.Equal(200, status);
        Assert.Equal(tunnelId, body.GetProperty("tunnelId").GetString());
        Assert.Equal([AgentAddress, "127.0.0.1"], body.GetProperty("knownAddresses").EnumerateArray().Select(a => a.GetString()));
        var connectors = body.GetProperty("connectors").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.True(connectors[own].GetProperty("fromAgent").GetBoolean());
        Assert.False(connectors[foreign].GetProperty("fromAgent").GetBoolean());
        Assert.Equal(ForeignAddress, Assert.Single(connectors[foreign].GetProperty("originIps").EnumerateArray()).GetString());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.Contains(ForeignAddress, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("connects from " + AgentAddress, warning, StringComparison.Ordinal);
        Assert.Equal(401, (await master.GetAsync($"/api/v2/agents/{agentId}/connectors", secret)).Status);
    }

    [Fact]
    public async Task Connectors_RealEmulatorConnectorFromTheAgentsAddress_NoWarning()
    {
        await using var master = await AgentMaster.StartAsync(Database);
        var (agentId, _, tunnelId) = await master.EnrolledAgentAsync("edge-clean", "example.com");
        master.Emulator.AttachConnector(tunnelId);
        var (pendingId, _) = await master.NewAgentAsync("no-tunnel");
        var (_, before, _) = await master.GetAsync($"/api/v2/agents/{agentId}/connectors");
        var origin = Assert.Single(Assert.Single(before.GetProperty("connectors").EnumerateArray()).GetProperty("originIps").EnumerateArray()).GetString()!;
        await master.Get<IAgentConnectors>().RecordAddressAsync(agentId, IPAddress.Parse(origin), Ct);

        var (status, body, _) = await master.GetAsync($"/api/v2/agents/{agentId}/connectors");

        Assert.Equal(200, status);
        Assert.True(Assert.Single(body.GetProperty("connectors").EnumerateArray()).GetProperty("fromAgent").GetBoolean());
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        // Before, the agent had only called from the test's loopback address: the emulator's connector looked foreign.
        Assert.Contains(origin, Assert.Single(before.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(409, (await master.GetAsync($"/api/v2/agents/{pendingId}/connectors")).Status);
        Assert.Equal(404, (await master.GetAsync("/api/v2/agents/00000000-0000-0000-0000-000000000000/connectors")).Status);
    }
}
