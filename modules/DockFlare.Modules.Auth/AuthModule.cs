using Autofac;
using DockFlare.Modules.Auth.Tokens;
using DockFlare.Modules.Auth.Users;
using Microsoft.Extensions.Hosting;

namespace DockFlare.Modules.Auth;

/// <summary>Registers login, OpenID Connect, API tokens and the authorization policies.</summary>
public sealed class AuthModule(AuthOptions options) : Module
{
    /// <inheritdoc />
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterType<ConsoleApiKeyAnnouncer>().As<IApiKeyAnnouncer>().SingleInstance();
        builder.RegisterType<ApiKeyVault>().AsSelf().SingleInstance();
        builder.RegisterType<ApiKeyStartup>().As<IHostedService>().SingleInstance();
        builder.RegisterType<UserStore>().AsSelf().SingleInstance();
        builder.RegisterType<SignedOutSessions>().AsSelf().SingleInstance();
        builder.RegisterType<PasswordSignIn>().AsSelf().SingleInstance();
        builder.RegisterType<SetupCodeVault>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<ApiTokenStore>().AsSelf().SingleInstance();
    }
}
