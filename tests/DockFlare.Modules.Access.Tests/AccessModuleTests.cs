using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessModuleTests
{
    [Fact]
    public void Load_WithOptions_RegistersTheSameOptionsInstance()
    {
        var options = new AccessOptions { UseReusablePolicies = false };
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AccessModule(options));
        using var container = builder.Build();

        Assert.Same(options, container.Resolve<AccessOptions>());
    }

    [Fact]
    public void Load_WithProviders_ResolvesOneAccessGatewayInstance()
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AccessModule(new AccessOptions()));
        builder.RegisterInstance(Substitute.For<ICloudflareAccessApplications>());
        builder.RegisterInstance(Substitute.For<ICloudflareAccessPolicies>());
        builder.RegisterInstance(Substitute.For<ICloudflareAccounts>());
        builder.RegisterInstance(Substitute.For<ICloudflareIdentityProviders>());
        builder.RegisterInstance(Substitute.For<IStateStore>());
        builder.RegisterInstance(new CloudflareAccount("account", IsSandbox: false));
        builder.RegisterGeneric(typeof(NullLogger<>)).As(typeof(ILogger<>));
        using var container = builder.Build();

        var gateway = container.Resolve<IAccessGateway>();

        Assert.IsType<AccessGateway>(gateway);
        Assert.Same(gateway, container.Resolve<IAccessGateway>());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("Yes", true)]
    public void Bind_UseReusablePolicies_DefaultsToTrue(string? value, bool expected)
    {
        var (options, problems) = value is null
            ? Settings.Bind<AccessOptions>()
            : Settings.Bind<AccessOptions>(("USE_REUSABLE_POLICIES", value));

        Assert.Empty(problems);
        Assert.Equal(expected, options.UseReusablePolicies);
    }

    [Fact]
    public void Bind_NotABoolean_ProblemNamesTheSetting()
    {
        var (_, problems) = Settings.Bind<AccessOptions>(("USE_REUSABLE_POLICIES", "sometimes"));

        Assert.Equal(["USE_REUSABLE_POLICIES: 'sometimes' is not a boolean (true/false, yes/no, 1/0)."], problems);
    }
}
