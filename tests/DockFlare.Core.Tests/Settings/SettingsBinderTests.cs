using System.ComponentModel.DataAnnotations;
using DockFlare.Core.Settings;
using Microsoft.Extensions.Configuration;
using NSubstitute;

namespace DockFlare.Core.Tests.Settings;

public sealed class SettingsBinderTests
{
    [Fact]
    public void Bind_OneSettingReadByTwoOptionClasses_ReportsABadValueOnce()
    {
        var configuration = Substitute.For<IConfiguration>();
        configuration["GRACE_PERIOD_SECONDS"].Returns("soon");
        var binder = new SettingsBinder(configuration);

        binder.Bind<FirstReader>();
        binder.Bind<SecondReader>();

        Assert.Equal(["GRACE_PERIOD_SECONDS: 'soon' is not a whole number."], binder.Problems);
    }

    [Fact]
    public void Bind_OneRangeCheckedByTwoOptionClasses_ReportsItOnce()
    {
        var configuration = Substitute.For<IConfiguration>();
        configuration["GRACE_PERIOD_SECONDS"].Returns("-1");
        var binder = new SettingsBinder(configuration);

        binder.Bind<FirstReader>();
        binder.Bind<SecondReader>();

        Assert.Equal(["GRACE_PERIOD_SECONDS must not be negative."], binder.Problems);
    }

    public sealed class FirstReader
    {
        [ConfigurationKeyName("GRACE_PERIOD_SECONDS")]
        [Range(0, int.MaxValue, ErrorMessage = "GRACE_PERIOD_SECONDS must not be negative.")]
        public int Grace { get; set; }
    }

    public sealed class SecondReader
    {
        [ConfigurationKeyName("GRACE_PERIOD_SECONDS")]
        [Range(0, int.MaxValue, ErrorMessage = "GRACE_PERIOD_SECONDS must not be negative.")]
        public int Grace { get; set; }
    }
}
