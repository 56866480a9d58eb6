using Autofac;

namespace DockFlare.Modules.Auth;

/// <summary>Registers login, OpenID Connect, API tokens and the authorization policies.</summary>
public sealed class AuthModule(AuthOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
