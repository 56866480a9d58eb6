using DockFlare.Plugins.Abstractions;
using NSubstitute;

namespace DockFlare.Testing;

/// <summary>Container managers for tests that run the real engine but watch or change one call.</summary>
public static class ContainerManagers
{
    /// <summary>
    /// A substitute that forwards every call to <paramref name="real"/>: its received calls record the order of operations,
    /// and one call can be configured again to fail (a socket proxy refusing DELETE).
    /// </summary>
    public static IContainerManager Forwarding(IContainerManager real)
    {
        ArgumentNullException.ThrowIfNull(real);
        var proxy = Substitute.For<IContainerManager>();
        proxy.EnsureNetworkAsync(default!, default).ReturnsForAnyArgs(c => real.EnsureNetworkAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.FindNetworkAsync(default!, default).ReturnsForAnyArgs(c => real.FindNetworkAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.InspectContainerAsync(default!, default).ReturnsForAnyArgs(c => real.InspectContainerAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.EnsureImageAsync(default!, default).ReturnsForAnyArgs(c => real.EnsureImageAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.CreateContainerAsync(default!, default).ReturnsForAnyArgs(c => real.CreateContainerAsync(c.ArgAt<ManagedContainerSpec>(0), c.ArgAt<CancellationToken>(1)));
        proxy.StartContainerAsync(default!, default).ReturnsForAnyArgs(c => real.StartContainerAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.RemoveContainerAsync(default!, default).ReturnsForAnyArgs(c => real.RemoveContainerAsync(c.ArgAt<string>(0), c.ArgAt<CancellationToken>(1)));
        proxy.ConnectNetworkAsync(default!, default!, default).ReturnsForAnyArgs(c => real.ConnectNetworkAsync(c.ArgAt<string>(0), c.ArgAt<string>(1), c.ArgAt<CancellationToken>(2)));
        proxy.DisconnectNetworkAsync(default!, default!, default).ReturnsForAnyArgs(c => real.DisconnectNetworkAsync(c.ArgAt<string>(0), c.ArgAt<string>(1), c.ArgAt<CancellationToken>(2)));
        return proxy;
    }
}
