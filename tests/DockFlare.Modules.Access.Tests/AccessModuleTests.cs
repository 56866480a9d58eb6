using Autofac;
using DockFlare.Testing;

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
