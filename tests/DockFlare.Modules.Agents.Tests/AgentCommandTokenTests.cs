using System.Text.Json.Nodes;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static DockFlare.Modules.Agents.Tests.AgentCommandTestRedis;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>The tunnel token is added at delivery and never stored (Redis database 29, the Cloudflare emulator).</summary>
public sealed class AgentCommandTokenTests : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;
    private CloudflareHarness _cloudflare = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectAsync(TokenDatabase);
        await FlushAsync(_redis, TokenDatabase);
        _cloudflare = await CloudflareHarness.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cloudflare.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Theory]
    [InlineData("start_tunnel", "token")]
    [InlineData("restart_tunnel", "tunnel_token")]
    public async Task WaitForCommands_TunnelCommand_TokenInDeliveredPayloadButNowhereInRedis(string action, string field)
    {
        var agent = NewAgentId();
        var created = await _cloudflare.Tunnels.CreateTunnelAsync(_cloudflare.AccountId, "agent-tunnel-" + agent, Ct);
        var token = (await _cloudflare.Tunnels.GetTunnelTokenAsync(_cloudflare.AccountId, created.Tunnel.Id, Ct)).Value;
        var secrets = new AgentTokenResolver(
            _cloudflare.Tunnels, new CloudflareAccount(_cloudflare.AccountId, IsSandbox: false), TimeProvider.System, NullLogger<AgentTokenResolver>.Instance);
        var commands = Commands(_redis, secrets: secrets);

        // A careless caller passes the token in: it is dropped before storing.
        var payload = new JsonObject { ["tunnel_id"] = created.Tunnel.Id, ["tunnel_name"] = created.Tunnel.Name, [field] = token };
        var queued = await commands.EnqueueAsync(agent, action, payload, TimeSpan.FromMinutes(5), Ct);
        var delivered = Assert.Single(await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct));
        await commands.AcknowledgeAsync(agent, delivered.Id, AgentCommandOutcome.Succeeded, "running", Ct);

        // v2 carries the token as 'token' for both actions (the 3.x shape adds 'tunnel_token' for restart_tunnel).
        Assert.Equal(token, delivered.Payload["token"]!.GetValue<string>());
        Assert.False(delivered.Payload.ContainsKey("tunnel_token"));
        Assert.Equal(created.Tunnel.Id, delivered.Payload["tunnel_id"]!.GetValue<string>());
        Assert.False(queued.Payload.ContainsKey(field));
        Assert.All(await commands.HistoryAsync(agent, 10, Ct), h => Assert.DoesNotContain(token, h.Command.Payload.ToJsonString(), StringComparison.Ordinal));
        var stored = await DumpAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCommands_TokenUnreadable_CommandHeldBackAndStillPending()
    {
        var agent = NewAgentId();
        var commands = Commands(_redis); // no Cloudflare configured
        var queued = await commands.EnqueueAsync(agent, "start_tunnel", new JsonObject { ["tunnel_id"] = Guid.NewGuid().ToString() }, TimeSpan.FromMinutes(5), Ct);

        Assert.Empty(await commands.WaitForCommandsAsync(agent, TimeSpan.Zero, Ct));
        Assert.Equal("pending", Assert.Single(await commands.HistoryAsync(agent, 10, Ct)).State);
        Assert.Equal(queued.Id, (await commands.HistoryAsync(agent, 1, Ct))[0].Command.Id);
    }

    /// <summary>Every key and value of the test database, as text.</summary>
    private async Task<string> DumpAsync()
    {
        var db = _redis.GetDatabase();
        var text = new System.Text.StringBuilder();
        await foreach (var key in _redis.GetServer(_redis.GetEndPoints()[0]).KeysAsync(TokenDatabase))
        {
            text.Append(key).Append('\n');
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.String:
                    text.Append(await db.StringGetAsync(key));
                    break;
                case RedisType.Hash:
                    foreach (var entry in await db.HashGetAllAsync(key))
                    {
                        text.Append(entry.Name).Append('=').Append(entry.Value).Append('\n');
                    }

                    break;
                case RedisType.Stream:
                    foreach (var entry in await db.StreamRangeAsync(key))
                    {
                        foreach (var value in entry.Values)
                        {
                            text.Append(value.Name).Append('=').Append(value.Value).Append('\n');
                        }
                    }

                    break;
                case RedisType.SortedSet:
                    foreach (var member in await db.SortedSetRangeByRankAsync(key))
                    {
                        text.Append(member).Append('\n');
                    }

                    break;
                case RedisType.Set:
                    foreach (var member in await db.SetMembersAsync(key))
                    {
                        text.Append(member).Append('\n');
                    }

                    break;
                default:
                    text.Append('?');
                    break;
            }
        }

        return text.ToString();
    }
}
