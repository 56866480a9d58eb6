using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Dns.Tests;

public sealed class DnsModuleTests
{
    [Fact]
    public void Load_WithOptions_RegistersTheSameOptionsInstance()
    {
        var options = new DnsOptions();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new DnsModule(options));
        using var container = builder.Build();

        Assert.Same(options, container.Resolve<DnsOptions>());
    }

    [Fact]
    public void Load_WithProviderRegistered_ResolvesCatalogAndGatewayAsSingletons()
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new DnsModule(new DnsOptions()));
        builder.RegisterInstance(Substitute.For<ICloudflareZones>());
        builder.RegisterInstance(Substitute.For<ICloudflareDnsRecords>());
        builder.RegisterInstance(new CloudflareAccount("0123456789abcdef0123456789abcdef", IsSandbox: false));
        builder.RegisterInstance(NullLoggerFactory.Instance).As<ILoggerFactory>();
        builder.RegisterGeneric(typeof(Logger<>)).As(typeof(ILogger<>)).SingleInstance();
        using var container = builder.Build();

        Assert.IsType<ZoneCatalog>(container.Resolve<IZoneCatalog>());
        Assert.Same(container.Resolve<IZoneCatalog>(), container.Resolve<IZoneCatalog>());
        Assert.IsType<DnsGateway>(container.Resolve<IDnsGateway>());
        Assert.Same(container.Resolve<IDnsGateway>(), container.Resolve<IDnsGateway>());
        Assert.Same(TimeProvider.System, container.Resolve<TimeProvider>());
    }

    [Fact]
    public void Bind_ScanZoneNames_AreSplitTrimmedAndLowerCased()
    {
        var (options, problems) = Settings.Bind<DnsOptions>(("TUNNEL_DNS_SCAN_ZONE_NAMES", " Example.com, example.co.uk. ,"));

        Assert.Empty(problems);
        Assert.Equal(["example.com", "example.co.uk"], options.ScanZones);
    }

    [Theory]
    [InlineData("CF_ZONE_ID", "not-a-zone", "CF_ZONE_ID must be a zone id: 32 lower-case hexadecimal characters.")]
    [InlineData("CF_ZONE_ID", "023E105F4ECEF8AD9CA31A8372D0C353", "CF_ZONE_ID must be a zone id: 32 lower-case hexadecimal characters.")]
    [InlineData("TUNNEL_DNS_SCAN_ZONE_NAMES", "example.com,localhost", "TUNNEL_DNS_SCAN_ZONE_NAMES has 'localhost', which is not a zone name.")]
    [InlineData("MAX_CONCURRENT_DNS_OPS", "0", "MAX_CONCURRENT_DNS_OPS must be between 1 and 32.")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<DnsOptions>((key, value));

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Bind_ValidZoneId_IsAccepted()
    {
        var (options, problems) = Settings.Bind<DnsOptions>(("CF_ZONE_ID", "023e105f4ecef8ad9ca31a8372d0c353"));

        Assert.Empty(problems);
        Assert.Equal("023e105f4ecef8ad9ca31a8372d0c353", options.DefaultZoneId);
    }
}
