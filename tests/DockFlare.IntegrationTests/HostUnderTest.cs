using Autofac;
using DockFlare.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DockFlare.IntegrationTests;

/// <summary>The real master, built by the same code as <c>Program</c>, listening on a free loopback port.</summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostUnderTest(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HostUnderTest> StartAsync(
        IEnumerable<(string Key, string Value)> settings, Action<ContainerBuilder>? configureContainer = null)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0" };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = DockFlareApp.Build([.. args], configureContainer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostUnderTest(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
