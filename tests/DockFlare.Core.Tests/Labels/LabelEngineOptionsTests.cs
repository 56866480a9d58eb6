using DockFlare.Core.Labels;
using DockFlare.Core.Settings;
using Microsoft.Extensions.Configuration;
using NSubstitute;

namespace DockFlare.Core.Tests.Labels;

public sealed class LabelEngineOptionsTests
{
    [Theory]
    [InlineData("myco")]
    [InlineData("myco.")]
    [InlineData("com.example.tunnel")]
    [InlineData("my-co_1")]
    public void Bind_ValidLabelPrefix_IsAccepted(string prefix)
    {
        var binder = Binder(prefix);

        var options = binder.Bind<LabelEngineOptions>();

        Assert.Empty(binder.Problems);
        Assert.Equal(prefix, options.LabelPrefix);
    }

    [Theory]
    [InlineData("my co")]
    [InlineData(".myco")]
    [InlineData("myco..x")]
    [InlineData("my/co")]
    public void Bind_InvalidLabelPrefix_IsAProblemNamingTheSetting(string prefix)
    {
        var binder = Binder(prefix);

        binder.Bind<LabelEngineOptions>();

        Assert.Contains("LABEL_PREFIX", Assert.Single(binder.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NoLabelPrefix_IsNull()
    {
        var binder = new SettingsBinder(Substitute.For<IConfiguration>());

        Assert.Null(binder.Bind<LabelEngineOptions>().LabelPrefix);
        Assert.Empty(binder.Problems);
    }

    private static SettingsBinder Binder(string prefix)
    {
        var configuration = Substitute.For<IConfiguration>();
        configuration["LABEL_PREFIX"].Returns(prefix);
        return new SettingsBinder(configuration);
    }
}
