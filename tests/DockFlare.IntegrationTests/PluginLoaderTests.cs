using DockFlare.Hosting.Plugins;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace DockFlare.IntegrationTests;

/// <summary>The real loader over real plugin builds, whole and broken in every way the issue names.</summary>
public sealed class PluginLoaderTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Fact]
    public void LoadAll_FirstPartyPlugins_LoadAndRegisterTheirProviders()
    {
        using var folders = new PluginFolders("docker", "cloudflare");
        var (catalog, loaded) = Loader().LoadAll(folders.Directory, NoSettings, new ServiceCollection(), ["docker", "cloudflare"]);

        Assert.All(catalog.Plugins, p => Assert.Equal(PluginState.Loaded, p.State));
        Assert.Equal(["cloudflare", "docker"], catalog.Plugins.Select(p => p.Id));

        var services = new ServiceCollection().AddLogging();
        foreach (var descriptor in loaded.SelectMany(p => p.Services))
        {
            services.Add(descriptor);
        }

        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<IContainerRuntime>());
        Assert.NotNull(provider.GetRequiredService<ICloudflareTokenVerifier>());
        Assert.Equal(["cloudflare", "docker"], provider.GetServices<IReadinessProbe>().Select(p => p.Name).Order());
    }

    [Fact]
    public void LoadAll_BrokenFolders_AreReportedWithIdAndPathAndSkipped()
    {
        using var folders = new PluginFolders("docker");
        folders.CopyBuilt("throwing", "throwing");
        folders.WriteManifest("bad-json", "{ \"id\": \"bad-json\", ");
        Directory.CreateDirectory(Path.Combine(folders.Directory, "no-manifest"));
        var newer = folders.CopyBuilt("docker", "newer-contract");
        File.WriteAllText(Path.Combine(newer, "plugin.json"), Manifest("newer", "DockFlare.Plugins.Docker.dll", contract: "1.9"));
        folders.WriteManifest("traversal", Manifest("traversal", "../docker/DockFlare.Plugins.Docker.dll"));
        folders.WriteManifest("absolute", Manifest("absolute", Path.Combine(PluginFolders.Built("docker"), "DockFlare.Plugins.Docker.dll")));
        var linked = folders.WriteManifest("link-outside", Manifest("link-outside", "Evil.dll"));
        File.Copy(Path.Combine(PluginFolders.Built("docker"), "DockFlare.Plugins.Docker.dll"), Path.Combine(folders.Outside, "Evil.dll"));
        File.CreateSymbolicLink(Path.Combine(linked, "Evil.dll"), Path.Combine(folders.Outside, "Evil.dll"));
        folders.WriteManifest("bad-id", Manifest("Bad Id!", "x.dll"));
        folders.WriteManifest("nulls", "{\"id\": \"nulls\", \"version\": null, \"minContractVersion\": null, \"entryAssembly\": null}");
        folders.WriteManifest("huge", "{\"id\": \"huge\", \"description\": \"" + new string('x', 100_000) + "\"}");
        var fifo = Path.Combine(folders.Directory, "fifo");
        Directory.CreateDirectory(fifo);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(fifo, "plugin.json")))
        {
            Assert.True(mkfifo.WaitForExit(5000) && mkfifo.ExitCode == 0);
        }
        var garbage = folders.WriteManifest("not-an-assembly", Manifest("not-an-assembly", "Garbage.dll"));
        File.WriteAllText(Path.Combine(garbage, "Garbage.dll"), "this is not a .NET assembly");
        var empty = folders.WriteManifest("no-registrar", Manifest("no-registrar", "DockFlare.Plugins.Abstractions.dll"));
        File.Copy(typeof(DockFlare.Plugins.Abstractions.IDockFlarePlugin).Assembly.Location, Path.Combine(empty, "DockFlare.Plugins.Abstractions.dll"));

        var sink = new CollectingSink();
        var (catalog, loaded) = Loader(sink).LoadAll(folders.Directory, NoSettings, new ServiceCollection(), ["docker", "cloudflare"]);

        var byId = catalog.Plugins.ToDictionary(p => p.Id);
        Assert.Equal(PluginState.Loaded, byId["docker"].State);
        Assert.Equal(["docker"], loaded.Select(p => p.Status.Id));
        AssertBroken(byId["throwing"], "registrar failed on purpose");
        AssertBroken(byId["bad-json"], "plugin.json is not valid JSON");
        AssertBroken(byId["no-manifest"], "no plugin.json in the plugin folder");
        AssertBroken(byId["newer"], $"needs plugin contract 1.9, but this host provides {DockFlare.Plugins.Abstractions.PluginContract.Version.ToString(2)}");
        AssertBroken(byId["traversal"], "points outside the plugin folder");
        AssertBroken(byId["absolute"], "must be a .dll path relative to the plugin folder");
        AssertBroken(byId["link-outside"], "is a link that leads outside the plugin folder");
        AssertBroken(byId["bad-id"], "id 'Bad Id!' is not valid");
        AssertBroken(byId["not-an-assembly"], "BadImageFormatException");
        AssertBroken(byId["no-registrar"], "has no public IDockFlarePlugin implementation");
        AssertBroken(byId["nulls"], "version, minContractVersion and entryAssembly are all required");
        AssertBroken(byId["huge"], "a manifest is at most 64 KiB");
        AssertBroken(byId["fifo"], "it must be a regular file");
        Assert.Equal(PluginState.Missing, byId["cloudflare"].State);

        // Every broken plugin is logged at error level with its id and path.
        foreach (var status in catalog.Unusable)
        {
            Assert.Contains(sink.Events, e => e.Level == LogEventLevel.Error
                                              && e.Properties["PluginId"].ToString() == $"\"{status.Id}\""
                                              && e.Properties["PluginPath"].ToString() == $"\"{status.Path}\"");
        }
    }

    [Fact]
    public void LoadAll_ThrowingRegistrar_LeavesNoServiceBehind()
    {
        using var folders = new PluginFolders("throwing");
        var (_, loaded) = Loader().LoadAll(folders.Directory, NoSettings, new ServiceCollection(), []);

        Assert.Empty(loaded);
    }

    [Fact]
    public void LoadAll_TwoFoldersWithOneId_SecondIsBroken()
    {
        using var folders = new PluginFolders("docker");
        folders.CopyBuilt("docker", "docker-copy");

        var (catalog, loaded) = Loader().LoadAll(folders.Directory, NoSettings, new ServiceCollection(), []);

        Assert.Single(loaded);
        var copy = catalog.Plugins.Single(p => p.Path.EndsWith("docker-copy", StringComparison.Ordinal));
        AssertBroken(copy, "another plugin with id 'docker' is already loaded");
    }

    [Fact]
    public void LoadAll_PluginsFolderMissing_ReportsExpectedPluginsAsMissing()
    {
        using var folder = new TempFolder();
        var (catalog, loaded) = Loader().LoadAll(folder.Combine("nope"), NoSettings, new ServiceCollection(), ["docker"]);

        Assert.Empty(loaded);
        Assert.Equal(PluginState.Missing, Assert.Single(catalog.Plugins).State);
    }

    [Fact]
    public void LoadAll_BadDockerHostSetting_PluginIsBrokenWithTheSettingNamed()
    {
        using var folders = new PluginFolders("docker");
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new("DOCKER_HOST", "ftp://nowhere")])
            .Build();

        var sink = new CollectingSink();
        var (catalog, _) = Loader(sink).LoadAll(folders.Directory, settings, new ServiceCollection(), []);

        AssertBroken(Assert.Single(catalog.Plugins), "DOCKER_HOST 'ftp://nowhere' is not a Docker endpoint");
        Assert.Null(Assert.Single(sink.Events, e => e.Level == LogEventLevel.Error).Exception);
    }

    [Fact]
    public void LoadAll_HostAlreadyHasLogging_PluginDoesNotReplaceHostServices()
    {
        using var folders = new PluginFolders("cloudflare");
        var host = new ServiceCollection().AddLogging();
        var hostLoggerFactory = host.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Logging.ILoggerFactory));

        var (_, loaded) = Loader().LoadAll(folders.Directory, NoSettings, host, []);

        var added = Assert.Single(loaded).Services;
        Assert.DoesNotContain(added, d => d.ServiceType == typeof(Microsoft.Extensions.Logging.ILoggerFactory));
        Assert.Same(hostLoggerFactory, host.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Logging.ILoggerFactory)));
    }

    // The shared loader logs through Microsoft.Extensions.Logging; the host hands that to Serilog exactly like this.
    internal static PluginFolderLoader Loader(ILogEventSink? sink = null) =>
        new(new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink ?? new CollectingSink()).CreateLogger(), dispose: true)
            .CreateLogger(typeof(PluginFolderLoader).FullName!));

    internal static string Manifest(string id, string entry, string contract = "1.0") =>
        System.Text.Json.JsonSerializer.Serialize(new { id, version = "1.0.0", minContractVersion = contract, entryAssembly = entry });

    private static void AssertBroken(PluginStatus status, string reason)
    {
        Assert.Equal(PluginState.Broken, status.State);
        Assert.Contains(reason, status.Error, StringComparison.Ordinal);
    }
}
