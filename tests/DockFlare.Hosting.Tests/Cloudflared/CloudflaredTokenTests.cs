using DockFlare.CloudflareEmulator;
using DockFlare.Hosting.Cloudflared;
using DockFlare.Testing;
using DockFlare.Testing.Cloudflare;

namespace DockFlare.Hosting.Tests.Cloudflared;

/// <summary>
/// B33: the token is checked before anything is created, and a token the Cloudflare provider read as raw text or out of
/// an API envelope runs the same container.
/// </summary>
public sealed class CloudflaredTokenTests : IAsyncLifetime, IDisposable
{
    private static readonly IReadOnlyList<string> StandIn = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

    private readonly TestDocker _docker = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task B33_RawAndEnvelopeTokenFromTheProvider_GiveTheSameContainerEnvironment()
    {
        await using var cloudflare = await CloudflareHarness.StartAsync();
        var created = await cloudflare.Tunnels.CreateTunnelAsync(cloudflare.AccountId, _docker.Prefix, Ct);
        var tunnelId = created.Tunnel.Id;
        var fromEnvelope = await cloudflare.Tunnels.GetTunnelTokenAsync(cloudflare.AccountId, tunnelId, Ct);
        cloudflare.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/token$", Status = 200, Body = created.Token!.Value, ContentType = "text/plain" });
        var fromRawText = await cloudflare.Tunnels.GetTunnelTokenAsync(cloudflare.AccountId, tunnelId, Ct);
        var runner = new CloudflaredRunner(_docker.Containers, _docker.Runtime);

        // Two owners, or the second container would be a duplicate connector of the first and replace it.
        var raw = await runner.EnsureAsync(Target($"cloudflared-{_docker.Prefix}-raw", tunnelId, fromRawText.Value) with { InstanceId = "df-raw" }, Ct);
        var enveloped = await runner.EnsureAsync(Target($"cloudflared-{_docker.Prefix}-env", tunnelId, fromEnvelope.Value) with { InstanceId = "df-env" }, Ct);

        var rawEnv = (await _docker.Client.Containers.InspectContainerAsync(raw.ContainerId, Ct)).Config;
        var envelopedEnv = (await _docker.Client.Containers.InspectContainerAsync(enveloped.ContainerId, Ct)).Config;
        var expected = $"{CloudflaredRunner.TokenVariable}={created.Token.Value}";
        Assert.Contains(expected, rawEnv.Env);
        Assert.Contains(expected, envelopedEnv.Env);
        Assert.DoesNotContain(rawEnv.Cmd, arg => arg.Contains(created.Token.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(envelopedEnv.Labels.Values, value => value.Contains(created.Token.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task B33_TokenForAnotherTunnel_ThrowsAMismatchAndCreatesNothing()
    {
        const string intended = "7a0c2e10-0000-4000-8000-0000000000a1";
        const string other = "7a0c2e10-0000-4000-8000-0000000000ff";
        var token = TestTokens.For(other);
        var name = $"cloudflared-{_docker.Prefix}";

        var ex = await Assert.ThrowsAsync<InvalidTunnelTokenException>(
            () => new CloudflaredRunner(_docker.Containers, _docker.Runtime).EnsureAsync(Target(name, intended, token), Ct));

        Assert.Contains(other, ex.Message, StringComparison.Ordinal);
        Assert.Contains(intended, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
        Assert.Null(await _docker.Containers.InspectContainerAsync(name, Ct));
        Assert.Null(await _docker.Containers.FindNetworkAsync(_docker.Prefix + "-net", Ct));
    }

    [Fact]
    public async Task B33_WholeEnvelopeInsteadOfTheToken_ThrowsAndCreatesNothing()
    {
        const string tunnelId = "7a0c2e10-0000-4000-8000-0000000000a2";
        var envelope = $"{{\"success\":true,\"errors\":[],\"result\":\"{TestTokens.For(tunnelId)}\"}}";
        var name = $"cloudflared-{_docker.Prefix}";

        var ex = await Assert.ThrowsAsync<InvalidTunnelTokenException>(
            () => new CloudflaredRunner(_docker.Containers, _docker.Runtime).EnsureAsync(Target(name, tunnelId, envelope), Ct));

        Assert.Contains("not a cloudflared token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.For(tunnelId), ex.Message, StringComparison.Ordinal);
        Assert.Null(await _docker.Containers.InspectContainerAsync(name, Ct));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _docker.CleanUpAsync();

    public void Dispose() => _docker.Dispose();

    private CloudflaredTarget Target(string name, string tunnelId, string token) =>
        new(name, tunnelId, token, TestInfrastructure.Image, _docker.Prefix + "-net", "df-b33") { Command = StandIn };
}
