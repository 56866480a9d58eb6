using DockFlare.Host.Configuration;
using DockFlare.Testing;
using Serilog.Events;

namespace DockFlare.Host.Tests;

public sealed class HostSettingsTests
{
    [Theory]
    [InlineData("DEBUG", LogEventLevel.Debug)]
    [InlineData("info", LogEventLevel.Information)]
    [InlineData("Warning", LogEventLevel.Warning)]
    [InlineData("WARN", LogEventLevel.Warning)]
    [InlineData("ERROR", LogEventLevel.Error)]
    [InlineData("CRITICAL", LogEventLevel.Fatal)]
    [InlineData("verbose", LogEventLevel.Verbose)]
    public void Bind_LogLevelWord_MapsToSerilogLevel(string word, LogEventLevel expected)
    {
        var (settings, problems) = Settings.Bind<HostSettings>(("LOG_LEVEL", word));

        Assert.Empty(problems);
        Assert.Equal(expected, settings.MinimumLevel);
    }

    [Fact]
    public void Bind_UnknownLogLevel_ProblemNamesTheSetting()
    {
        var (_, problems) = Settings.Bind<HostSettings>(("LOG_LEVEL", "LOUD"));

        Assert.Equal(["LOG_LEVEL 'LOUD' is not a level: use TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL."], problems);
    }

    [Theory]
    [InlineData("json", "Json")]
    [InlineData("TEXT", "Text")]
    public void Bind_LogFormat_IsCaseInsensitive(string value, string expected)
    {
        var (settings, problems) = Settings.Bind<HostSettings>(("LOG_FORMAT", value));

        Assert.Empty(problems);
        Assert.Equal(expected, settings.LogFormat.ToString());
    }

    [Fact]
    public void Bind_UnknownLogFormat_ProblemListsTheChoices()
    {
        var (_, problems) = Settings.Bind<HostSettings>(("LOG_FORMAT", "xml"));

        Assert.Equal(["LOG_FORMAT: 'xml' is not one of text, json."], problems);
    }

    [Fact]
    public void ResolvedPluginsDirectory_Unset_IsBesideTheHost()
    {
        var (settings, _) = Settings.Bind<HostSettings>();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), settings.ResolvedPluginsDirectory);
    }
}
