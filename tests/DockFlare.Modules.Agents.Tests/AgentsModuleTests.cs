using Autofac;
using DockFlare.Testing;

namespace DockFlare.Modules.Agents.Tests;

public sealed class AgentsModuleTests
{
    [Fact]
    public void Load_WithOptions_RegistersTheSameOptionsInstance()
    {
        var options = new AgentsOptions { HeartbeatTimeoutSeconds = 90 };
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AgentsModule(options));
        using var container = builder.Build();

        Assert.Same(options, container.Resolve<AgentsOptions>());
    }

    [Fact]
    public void Bind_NoSettings_UsesDefaults()
    {
        var (options, problems) = Settings.Bind<AgentsOptions>();

        Assert.Empty(problems);
        Assert.Equal(60, options.HeartbeatTimeoutSeconds);
        Assert.True(options.EnrollmentRequired);
    }

    [Theory]
    [InlineData("AGENT_HEARTBEAT_TIMEOUT", "5", "AGENT_HEARTBEAT_TIMEOUT must be between 10 and 3600 seconds.")]
    [InlineData("AGENT_HEARTBEAT_TIMEOUT", "soon", "AGENT_HEARTBEAT_TIMEOUT: 'soon' is not a whole number.")]
    [InlineData("AGENT_ENROLLMENT_REQUIRED", "maybe", "AGENT_ENROLLMENT_REQUIRED: 'maybe' is not a boolean (true/false, yes/no, 1/0).")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<AgentsOptions>((key, value));

        Assert.Equal([expected], problems);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("YES", true)]
    [InlineData("t", true)]
    [InlineData("0", false)]
    public void Bind_BooleanWords_AreUnderstood(string value, bool expected)
    {
        var (options, problems) = Settings.Bind<AgentsOptions>(("AGENT_ENROLLMENT_REQUIRED", value));

        Assert.Empty(problems);
        Assert.Equal(expected, options.EnrollmentRequired);
    }
}
