using Autofac;

namespace DockFlare.Modules.Agents;

/// <summary>Registers the agent registry, keys, command streams and the agent API.</summary>
public sealed class AgentsModule(AgentsOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
