using Autofac;
using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Agents;

/// <summary>Registers the agent registry, keys, command streams and the agent API.</summary>
public sealed class AgentsModule(AgentsOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterAgentCommands(); // command streams, token resolver, agents-expire-commands job

        // Registry, keys and liveness: on Redis when the host registered a multiplexer (REDIS_URL), else embedded.
        builder.Register<IAgentStore>(context => context.TryResolve<IConnectionMultiplexer>(out var redis)
                ? new RedisAgentStore(redis)
                : new SettingsAgentStore(context.Resolve<IStateStore>()))
            .SingleInstance();
        builder.Register<IAgentHeartbeats>(context => context.TryResolve<IConnectionMultiplexer>(out var redis)
                ? new RedisAgentHeartbeats(redis, TimeSpan.FromSeconds(options.HeartbeatTimeoutSeconds))
                : new MemoryAgentHeartbeats(context.ResolveOptional<TimeProvider>() ?? TimeProvider.System, TimeSpan.FromSeconds(options.HeartbeatTimeoutSeconds)))
            .SingleInstance();
        builder.RegisterType<AgentDocuments>().AsSelf().SingleInstance();
        builder.RegisterType<AgentKeyService>().AsSelf().As<IAgentKeys>().As<IAgentAuthenticator>().SingleInstance();
        builder.RegisterType<AgentLivenessReader>().AsSelf().SingleInstance();
        builder.RegisterType<AgentPublisher>().AsSelf().SingleInstance();
        builder.RegisterType<AgentRegistry>().As<IAgentRegistry>().SingleInstance();
        builder.RegisterType<AgentReports>().As<IAgentReports>().SingleInstance();
        builder.RegisterType<AgentTunnelDirectory>().As<ITunnelDirectory>().SingleInstance();
        builder.RegisterType<AgentControl>().As<IAgentControl>().SingleInstance();
        builder.RegisterType<AgentTunnelAssignments>().AsSelf().SingleInstance();
        builder.Register<IAgentRateLimiter>(context => context.TryResolve<IConnectionMultiplexer>(out var redis)
                ? new RedisAgentRateLimiter(redis, options)
                : new MemoryAgentRateLimiter(options, Time(context)))
            .SingleInstance();
        builder.Register(context =>
            {
                var scope = context.Resolve<IComponentContext>();
                return new AgentConnectorCheck(
                    context.Resolve<AgentDocuments>(),
                    new Lazy<ICloudflareTunnels>(scope.Resolve<ICloudflareTunnels>),
                    context.ResolveOptional<CloudflareAccount>() ?? new CloudflareAccount(null, IsSandbox: false),
                    Time(context),
                    Logger<AgentConnectorCheck>(context));
            })
            .AsSelf().As<IAgentConnectors>().SingleInstance();

        // Jobs are listed by the host at start: they resolve without logging or Cloudflare being registered.
        builder.Register(context => new AgentLivenessJob(
                context.Resolve<AgentDocuments>(), context.Resolve<AgentLivenessReader>(), context.Resolve<AgentConnectorCheck>(), Time(context), Logger<AgentLivenessJob>(context)))
            .AsSelf().As<IRecurringJob>().SingleInstance();
        builder.Register(context =>
            {
                var scope = context.Resolve<IComponentContext>();
                return new AgentRemovalJob(
                    context.Resolve<AgentDocuments>(),
                    new Lazy<IStateStore>(scope.Resolve<IStateStore>),
                    new Lazy<ICloudflareTunnels>(scope.Resolve<ICloudflareTunnels>),
                    context.ResolveOptional<CloudflareAccount>() ?? new CloudflareAccount(null, IsSandbox: false),
                    Logger<AgentRemovalJob>(context));
            })
            .AsSelf().As<IRecurringJob>().SingleInstance();
    }

    private static TimeProvider Time(IComponentContext context) => context.ResolveOptional<TimeProvider>() ?? TimeProvider.System;

    private static ILogger<T> Logger<T>(IComponentContext context) => context.ResolveOptional<ILogger<T>>() ?? NullLogger<T>.Instance;
}
