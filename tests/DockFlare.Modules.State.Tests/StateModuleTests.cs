using Autofac;
using DockFlare.Core.State;
using DockFlare.Testing;
using StackExchange.Redis;

namespace DockFlare.Modules.State.Tests;

public sealed class StateModuleTests
{
    [Fact]
    public async Task Load_WithoutRedis_RegistersTheFileStoreUnderDataDir()
    {
        using var directory = new TempDirectory();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new StateModule(new StateOptions { DataDirectory = directory.Path }));
        await using var container = builder.Build();

        var store = Assert.IsType<FileStateStore>(container.Resolve<IStateStore>());
        await store.SetSettingAsync(new SettingEntry("k", "v", false));

        Assert.Equal(Path.Combine(directory.Path, "state"), store.Directory);
        Assert.True(File.Exists(Path.Combine(directory.Path, "state", "settings.json")));
        Assert.Same(store, container.Resolve<IStateStore>());
    }

    [Fact]
    public async Task Load_WithMultiplexerRegistered_RegistersTheRedisStoreOnItsDefaultDatabase()
    {
        await using var redis = await TestRedis.ConnectAsync(TestRedis.ModuleDatabase);
        await TestRedis.FlushAsync(redis, TestRedis.ModuleDatabase);
        var builder = new ContainerBuilder();
        builder.RegisterInstance(redis).As<IConnectionMultiplexer>();
        builder.RegisterModule(new StateModule(new StateOptions()));
        await using var container = builder.Build();

        var store = Assert.IsType<RedisStateStore>(container.Resolve<IStateStore>());
        await store.SetSettingAsync(new SettingEntry("k", "v", false));

        Assert.True(await redis.GetDatabase(TestRedis.ModuleDatabase).HashExistsAsync("dockflare:state:settings", "k"));
    }

    [Fact]
    public void Bind_DataDirAndLength_AreReadFromTheirSettings()
    {
        var (options, problems) = Settings.Bind<StateOptions>(("DATA_DIR", "/var/lib/dockflare"), ("STATE_CHANGE_LOG_MAX_LENGTH", "500"));

        Assert.Empty(problems);
        Assert.Equal(Path.Combine("/var/lib/dockflare", "state"), options.StateDirectory);
        Assert.Equal(500, options.ChangeLogMaxLength);
    }

    [Fact]
    public void Bind_TooShortChangeLog_ProblemNamesTheSetting()
    {
        var (_, problems) = Settings.Bind<StateOptions>(("STATE_CHANGE_LOG_MAX_LENGTH", "5"));

        Assert.Equal(["STATE_CHANGE_LOG_MAX_LENGTH must be between 10 and 1000000."], problems);
    }
}
