using System.Threading.Channels;
using DockFlare.Agent.Cloudflared;
using DockFlare.Plugins.Abstractions;
using NSubstitute;

namespace DockFlare.Agent.Tests.Support;

/// <summary>What a <see cref="TestAgent"/> runs against; kept across a restart of the agent.</summary>
internal sealed class AgentParts : IDisposable
{
    public static readonly CloudflaredReport Running = new(CloudflaredReport.Running, "cloudflared-agent-x", "c1", "cloudflare/cloudflared:2025.9.0", TunnelId, null);
    public static readonly CloudflaredReport Missing = new(CloudflaredReport.Missing, null, null, null, null, null);

    public const string TunnelId = "c2a5e1d4-0000-4000-8000-000000000001";

    private readonly TempDirectory _data = new();

    public AgentParts()
    {
        Controller.EnsureAsync(Arg.Any<CloudflaredDesired>(), Arg.Any<CancellationToken>())
            .Returns(ci => Running with { Image = ci.Arg<CloudflaredDesired>().Image, TunnelId = ci.Arg<CloudflaredDesired>().TunnelId });
        Controller.RedeployAsync(Arg.Any<CloudflaredDesired>(), Arg.Any<CancellationToken>())
            .Returns(ci => Running with { Image = ci.Arg<CloudflaredDesired>().Image, TunnelId = ci.Arg<CloudflaredDesired>().TunnelId });
        Controller.RemoveAsync(Arg.Any<CancellationToken>()).Returns(Missing);
        Controller.GetStatusAsync(Arg.Any<CancellationToken>()).Returns(Missing);
        Runtime.ListContainersAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(ci => (IReadOnlyList<ContainerSnapshot>)[.. Containers]);
        Events.WatchAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<DateTimeOffset?>(), Arg.Any<CancellationToken>())
            .Returns(ci => EngineEvents.Reader.ReadAllAsync(ci.ArgAt<CancellationToken>(2)));
    }

    public string DataDirectory => _data.Path;

    public FakeMaster Master { get; } = new();

    public ICloudflaredController Controller { get; } = Substitute.For<ICloudflaredController>();

    public IContainerRuntime Runtime { get; } = Substitute.For<IContainerRuntime>();

    public IContainerEventSource Events { get; } = Substitute.For<IContainerEventSource>();

    public Channel<ContainerEvent> EngineEvents { get; } = Channel.CreateUnbounded<ContainerEvent>();

    public List<ContainerSnapshot> Containers { get; } = [];

    public TestLogs Logs { get; } = new();

    public void Dispose() => _data.Dispose();
}
