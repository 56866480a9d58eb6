using System.Net.Http.Headers;
using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>
/// The real master (embedded storage, no Redis) with a fake <see cref="IAgentAuthenticator"/> that knows one
/// agent and its key, for the agent command endpoints. Built like <see cref="TestHost"/>.
/// </summary>
internal sealed class AgentCommandTestHost : IAsyncDisposable
{
    public const string AgentId = "agent-one";
    public const string AgentKey = "agent-key-0123456789-abcdefghijklmnop";

    /// <summary>The key of an agent that was removed (its key revoked by the removal).</summary>
    public const string RemovedAgentKey = "agent-key-removed-0123456789-abcdefgh";

    private readonly TempFolder _data = new();
    private readonly TempFolder _plugins = new();
    private WebApplication _app = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public IAgentAuthenticator Authenticator { get; } = Substitute.For<IAgentAuthenticator>();

    public IAgentKeys Keys { get; } = Substitute.For<IAgentKeys>();

    public IAgentCommands Commands => _app.Services.GetRequiredService<IAgentCommands>();

    public static async Task<AgentCommandTestHost> StartAsync()
    {
        var host = new AgentCommandTestHost();
        host.Authenticator.AuthenticateAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => call.ArgAt<string>(0) == AgentKey && call.ArgAt<string>(1) == AgentId
                ? new AuthenticatedAgent(AgentId, "key1", "enrolled")
                : null);
        host.Keys.IsRemovedAgentKeyAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => call.ArgAt<string>(0) == RemovedAgentKey);
        host._app = DockFlareApp.Build(
            [
                "--urls=http://127.0.0.1:0", $"--DATA_DIR={host._data.Path}", $"--PLUGINS_DIR={host._plugins.Path}",
                "--LOG_LEVEL=WARNING", $"--DOCKFLARE_API_KEY={TestHost.ApiKey}",
            ],
            container =>
            {
                container.RegisterInstance(Substitute.For<IReconciler>()).As<IReconciler>();
                container.RegisterInstance(Substitute.For<IReconcileTrigger>()).As<IReconcileTrigger>();
                var tunnels = Substitute.For<ITunnelDirectory>();
                container.RegisterInstance(tunnels).As<ITunnelDirectory>();
                container.Register<IEnumerable<ITunnelDirectory>>(_ => [tunnels]).ExternallyOwned();
                container.RegisterInstance(Substitute.For<IZoneCatalog>()).As<IZoneCatalog>();
                container.RegisterInstance(new RecordingAnnouncer()).As<IApiKeyAnnouncer>();
                container.RegisterInstance(host.Authenticator).As<IAgentAuthenticator>().ExternallyOwned();
                container.RegisterInstance(host.Keys).As<IAgentKeys>().ExternallyOwned();
            });
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Client.BaseAddress = new Uri(address);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AgentKey);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
        _plugins.Dispose();
    }
}
