using Autofac;
using DockFlare.Core.Jobs;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Registers the command streams: on Redis when the host registered an <see cref="IConnectionMultiplexer"/>
/// (<c>REDIS_URL</c> is set), otherwise embedded in the state store; plus the token resolver and the expiry job.
/// </summary>
internal static class AgentCommandRegistration
{
    public static void RegisterAgentCommands(this ContainerBuilder builder)
    {
        builder.Register(context => new AgentTokenResolver(
                context.ResolveOptional<ICloudflareTunnels>(),
                context.ResolveOptional<CloudflareAccount>(),
                Time(context),
                Logger<AgentTokenResolver>(context)))
            .AsSelf()
            .SingleInstance();
        builder.Register<IAgentCommands>(context =>
            {
                var secrets = context.Resolve<AgentTokenResolver>();
                return context.TryResolve<IConnectionMultiplexer>(out var redis)
                    ? new RedisAgentCommands(redis, database: -1, secrets, Time(context), AgentCommandSettings.Default, Logger<RedisAgentCommands>(context))
                    : new EmbeddedAgentCommands(context.Resolve<IStateStore>(), secrets, Time(context), AgentCommandSettings.Default, Logger<EmbeddedAgentCommands>(context));
            })
            .SingleInstance();
        builder.Register(context => new ExpireAgentCommandsJob(context.Resolve<IAgentCommands>(), Logger<ExpireAgentCommandsJob>(context)))
            .As<IRecurringJob>()
            .SingleInstance();
    }

    private static TimeProvider Time(IComponentContext context) => context.ResolveOptional<TimeProvider>() ?? TimeProvider.System;

    private static ILogger<T> Logger<T>(IComponentContext context) => context.ResolveOptional<ILogger<T>>() ?? NullLogger<T>.Instance;
}
