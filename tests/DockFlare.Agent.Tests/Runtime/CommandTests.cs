using System.Text.Json.Nodes;
using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.State;
using DockFlare.Agent.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Agent.Tests.Runtime;

/// <summary>Every command action, through the whole agent against the fake master.</summary>
public sealed class CommandTests : IDisposable
{
    private const string Token = "eyJhIjoiYWNjb3VudCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=";
    private readonly AgentParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task StartTunnel_PersistsDesiredRunningAndToken_EnsuresCloudflared_AndAcksReceivedThenSucceeded()
    {
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "start_tunnel", Tunnel("token"));
        await AwaitFinalAckAsync("c1");

        await _parts.Controller.Received(1).EnsureAsync(
            Arg.Is<CloudflaredDesired>(d => d.TunnelId == AgentParts.TunnelId && d.TunnelName == "edge-tunnel" && d.Token == Token && d.Image == "cloudflare/cloudflared:2025.9.0"),
            Arg.Any<CancellationToken>());
        Assert.Equal([("c1", "received"), ("c1", "succeeded")], _parts.Master.Acks.Select(a => (a.CommandId, a.Outcome)));
        Assert.StartsWith("cloudflared running", _parts.Master.Acks.Last().Result, StringComparison.Ordinal);
        Assert.Equal(TunnelDesiredState.Running, agent.State.DesiredState);
        Assert.Equal(new TunnelAssignment(AgentParts.TunnelId, "edge-tunnel", Token), agent.State.Tunnel);
        Assert.DoesNotContain(Token, _parts.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartTunnel_WithTheOriginalTunnelTokenField_Redeploys()
    {
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "restart_tunnel", Tunnel("tunnel_token"));
        await AwaitFinalAckAsync("c1");

        await _parts.Controller.Received(1).RedeployAsync(Arg.Is<CloudflaredDesired>(d => d.Token == Token), Arg.Any<CancellationToken>());
        Assert.Equal("succeeded", _parts.Master.Acks.Last().Outcome);
        Assert.Equal(TunnelDesiredState.Running, agent.State.DesiredState);
    }

    [Fact]
    public async Task StopTunnel_RemovesCloudflared_AndSavesDesiredStopped()
    {
        await using var agent = await TestAgent.StartAsync(_parts);
        _parts.Master.Queue("c1", "start_tunnel", Tunnel("token"));
        await AwaitFinalAckAsync("c1");

        _parts.Master.Queue("c2", "stop_tunnel");
        await AwaitFinalAckAsync("c2");

        await _parts.Controller.Received(1).RemoveAsync(Arg.Any<CancellationToken>());
        Assert.Equal(("c2", "succeeded", "cloudflared stopped and removed"), _parts.Master.Acks.Last());
        Assert.Equal(TunnelDesiredState.Stopped, agent.State.DesiredState);

        // Supervision no longer brings it back.
        _parts.Controller.ClearReceivedCalls();
        await Task.Delay(400);
        await _parts.Controller.DidNotReceiveWithAnyArgs().EnsureAsync(default!, default);
    }

    [Fact]
    public async Task UpdateImage_Valid_SavesTheOverrideAndRedeploysFromIt()
    {
        await using var agent = await TestAgent.StartAsync(_parts);
        _parts.Master.Queue("c1", "start_tunnel", Tunnel("token"));
        await AwaitFinalAckAsync("c1");

        _parts.Master.Queue("c2", "update_image", new JsonObject { ["image"] = "cloudflare/cloudflared:2025.8.0" });
        await AwaitFinalAckAsync("c2");

        await _parts.Controller.Received(1).RedeployAsync(Arg.Is<CloudflaredDesired>(d => d.Image == "cloudflare/cloudflared:2025.8.0"), Arg.Any<CancellationToken>());
        Assert.Equal("succeeded", _parts.Master.Acks.Last().Outcome);
        Assert.Equal("cloudflare/cloudflared:2025.8.0", agent.State.ImageOverride);
    }

    [Fact]
    public async Task UpdateImage_ImageThatCannotRun_IsAckedFailed_AndTheOldImageStaysTheOneToRecreateFrom()
    {
        // It used to be saved anyway: once the old container was gone, every recreate failed on the unpullable image.
        await using var agent = await TestAgent.StartAsync(_parts);
        _parts.Master.Queue("c1", "start_tunnel", Tunnel("token"));
        await AwaitFinalAckAsync("c1");
        _parts.Controller.RedeployAsync(Arg.Is<CloudflaredDesired>(d => d.Image == "cloudflare/cloudflared:2099.1.1"), Arg.Any<CancellationToken>())
            .Returns(new CloudflaredReport(CloudflaredReport.Failed, null, null, null, AgentParts.TunnelId,
                "'cloudflare/cloudflared:2099.1.1' is not present and could not be pulled"));

        _parts.Master.Queue("c2", "update_image", new JsonObject { ["image"] = "cloudflare/cloudflared:2099.1.1" });
        await AwaitFinalAckAsync("c2");

        Assert.Equal("failed", _parts.Master.Acks.Last().Outcome);
        Assert.Null(agent.State.ImageOverride);
    }

    [Fact]
    public async Task UpdateImage_NotAnImageReference_IsAckedFailedAndChangesNothing()
    {
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "update_image", new JsonObject { ["image"] = "Cloudflared:Latest!; rm -rf /" });
        await AwaitFinalAckAsync("c1");

        Assert.Equal(("c1", "failed", "update_image: 'Cloudflared:Latest!; rm -rf /' is not an image reference (name[:tag][@sha256:digest])"), _parts.Master.Acks.Last());
        Assert.Null(agent.State.ImageOverride);
        await _parts.Controller.DidNotReceiveWithAnyArgs().RedeployAsync(default!, default);
    }

    [Fact]
    public async Task Resync_SendsAFullInventoryAtOnce()
    {
        _parts.Master.InventorySeconds = 3600;
        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => !_parts.Master.Inventories.IsEmpty, "the inventory at connect");
        _parts.Containers.Add(new("a1", "web", "nginx", "running", new Dictionary<string, string> { ["dockflare.enable"] = "true" }, DateTimeOffset.UnixEpoch));

        _parts.Master.Queue("c1", "resync");
        await AwaitFinalAckAsync("c1");

        Assert.Equal(("c1", "succeeded", "inventory sent: 1 containers"), _parts.Master.Acks.Last());
        Assert.Equal(2, _parts.Master.Inventories.Count);
        Assert.Equal("a1", (string?)_parts.Master.Inventories.Last()["containers"]![0]!["id"]);
    }

    [Fact]
    public async Task UnknownAction_IsAckedFailedNamingIt()
    {
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "format_disk");
        await AwaitFinalAckAsync("c1");

        Assert.Equal(("c1", "failed", "unknown action 'format_disk'"), _parts.Master.Acks.Last());
    }

    [Fact]
    public async Task B33_StartTunnel_TokenForAnotherTunnel_IsAckedFailedWithTheReason_AndNothingIsSaved()
    {
        _parts.Controller.EnsureAsync(Arg.Any<CloudflaredDesired>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new CloudflaredTokenException("The tunnel token is for tunnel 'aaaa', not 'c2a5'."));
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "start_tunnel", Tunnel("token"));
        await AwaitFinalAckAsync("c1");

        Assert.Equal(("c1", "failed", "The tunnel token is for tunnel 'aaaa', not 'c2a5'."), _parts.Master.Acks.Last());
        Assert.Null(agent.State.Tunnel);
        Assert.NotEqual(TunnelDesiredState.Running, agent.State.DesiredState);
    }

    [Fact]
    public async Task StartTunnel_WithoutToken_IsAckedFailedNamingTheField()
    {
        await using var agent = await TestAgent.StartAsync(_parts);

        _parts.Master.Queue("c1", "start_tunnel", new JsonObject { ["tunnel_id"] = AgentParts.TunnelId });
        await AwaitFinalAckAsync("c1");

        Assert.Equal(("c1", "failed", "start_tunnel: the payload has no 'token'"), _parts.Master.Acks.Last());
    }

    [Fact]
    public async Task Commands_RedeliveredAfterARestart_AreAckedWithTheStoredOutcome_NotRunAgain()
    {
        // The first agent stops the tunnel, but the master never hears the final outcome.
        _parts.Master.FailAcksOf["c1"] = true;
        var first = await TestAgent.StartAsync(_parts);
        _parts.Master.Queue("c1", "stop_tunnel");
        await Eventually.TrueAsync(() => first.State.FindCommand("c1") is not null, "c1 executed and recorded");
        await first.DisposeAsync();
        await _parts.Controller.Received(1).RemoveAsync(Arg.Any<CancellationToken>());
        Assert.True(_parts.Master.IsPending("c1"));

        // A new process on the same DATA_DIR gets c1 again.
        _parts.Controller.ClearReceivedCalls();
        _parts.Master.FailAcksOf.Clear();
        await using var second = await TestAgent.StartAsync(_parts);
        await AwaitFinalAckAsync("c1");

        await _parts.Controller.DidNotReceive().RemoveAsync(Arg.Any<CancellationToken>());
        Assert.Equal(("c1", "succeeded", "cloudflared stopped and removed"), _parts.Master.Acks.Last());
        Assert.DoesNotContain(_parts.Master.Acks, a => a is { CommandId: "c1", Outcome: "received" });
    }

    private async Task AwaitFinalAckAsync(string id) =>
        await Eventually.TrueAsync(() => _parts.Master.Acks.Any(a => a.CommandId == id && a.Outcome != "received"), $"the final ack of {id}");

    private static JsonObject Tunnel(string tokenField) => new()
    {
        ["tunnel_id"] = AgentParts.TunnelId,
        ["tunnel_name"] = "edge-tunnel",
        [tokenField] = Token,
    };
}
