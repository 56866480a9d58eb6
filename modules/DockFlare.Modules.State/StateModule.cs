using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using StackExchange.Redis;

namespace DockFlare.Modules.State;

/// <summary>
/// Registers <see cref="IStateStore"/>: on Redis when the host registered an <see cref="IConnectionMultiplexer"/>
/// (that is, <c>REDIS_URL</c> is set), otherwise the embedded file store under <c>DATA_DIR</c>.
/// </summary>
public sealed class StateModule(StateOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.Register<IStateStore>(context => context.TryResolve<IConnectionMultiplexer>(out var redis)
                ? new RedisStateStore(redis, database: -1, options.ChangeLogMaxLength)
                : new FileStateStore(options.StateDirectory, options.ChangeLogMaxLength))
            .SingleInstance();
        builder.Register<IDistributedLock>(context => context.TryResolve<IConnectionMultiplexer>(out var redis)
                ? new RedisDistributedLock(redis, context.ResolveOptional<TimeProvider>() ?? TimeProvider.System)
                : new ProcessDistributedLock())
            .SingleInstance();
    }
}
