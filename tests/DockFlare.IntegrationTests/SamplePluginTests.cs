using System.Text.Json;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Configuration;

namespace DockFlare.IntegrationTests;

/// <summary>The sample third-party plugin, built outside the host's references, through the real loader.</summary>
public sealed class SamplePluginTests
{
    [Fact]
    public async Task WebhookNotifier_LoadedFromItsFolder_PostsEachChangeToTheWebhook()
    {
        var received = new TaskCompletionSource<JsonDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hook = WebApplication.CreateSlimBuilder();
        hook.Configuration["urls"] = "http://127.0.0.1:0";
        await using var webhook = hook.Build();
        webhook.MapPost("/hook", async (HttpRequest request) =>
        {
            received.TrySetResult(await JsonDocument.ParseAsync(request.Body));
            return Results.NoContent();
        });
        await webhook.StartAsync();

        using var folders = new PluginFolders("webhook-notifier");
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new("WEBHOOK_NOTIFIER_URL", webhook.Urls.First() + "/hook")])
            .Build();
        var host = new ServiceCollection().AddLogging();
        var (catalog, loaded) = PluginLoaderTests.Loader().LoadAll(folders.Directory, settings, host, []);
        Assert.Equal("0.1.0", Assert.Single(catalog.Plugins).Version);
        foreach (var descriptor in Assert.Single(loaded).Services)
        {
            host.Add(descriptor);
        }

        await using var provider = host.BuildServiceProvider();
        var notifier = provider.GetRequiredService<IChangeNotifier>();
        var change = new ChangeNotification(DateTimeOffset.UnixEpoch, "dns.create", "app.example.com", "container web", null, "CNAME");
        await notifier.NotifyAsync(change, CancellationToken.None);

        using var body = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("dns.create", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("app.example.com", body.RootElement.GetProperty("target").GetString());
        Assert.Equal("container web", body.RootElement.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task WebhookNotifier_NotConfigured_RegistersNoNotifierAndSaysSoInReadiness()
    {
        using var folders = new PluginFolders("webhook-notifier");
        var (_, loaded) = PluginLoaderTests.Loader().LoadAll(
            folders.Directory, new ConfigurationBuilder().Build(), new ServiceCollection(), []);
        var services = new ServiceCollection().AddLogging();
        foreach (var descriptor in Assert.Single(loaded).Services)
        {
            services.Add(descriptor);
        }

        await using var provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetServices<IChangeNotifier>());
        var readiness = await provider.GetRequiredService<IReadinessProbe>().CheckAsync(CancellationToken.None);
        Assert.Equal(ReadinessStatus.Degraded, readiness.Status);
        Assert.Contains("WEBHOOK_NOTIFIER_URL is not set", readiness.Detail, StringComparison.Ordinal);
    }
}
