using Autofac;
using DockFlare.Core.State;
using StackExchange.Redis;
using static DockFlare.Modules.Agents.Tests.AgentCommandTestRedis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>Which command store the module picks.</summary>
public sealed class AgentCommandRegistrationTests
{
    [Fact]
    public async Task Load_WithRedis_RedisCommandStreams()
    {
        await using var redis = await ConnectAsync(StreamDatabase);
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AgentsModule(new AgentsOptions()));
        builder.RegisterInstance(redis).As<IConnectionMultiplexer>().ExternallyOwned();
        using var container = builder.Build();

        Assert.IsType<RedisAgentCommands>(container.Resolve<IAgentCommands>());
    }

    [Fact]
    public void Load_WithoutRedis_EmbeddedCommandStreams()
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AgentsModule(new AgentsOptions()));
        builder.RegisterInstance(AgentCommandSettingsStore.Create().Store).As<IStateStore>();
        using var container = builder.Build();

        Assert.IsType<EmbeddedAgentCommands>(container.Resolve<IAgentCommands>());
    }
}
