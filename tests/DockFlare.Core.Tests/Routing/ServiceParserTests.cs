using DockFlare.Core.Diagnostics;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Tests.Routing;

public sealed class ServiceParserTests
{
    [Theory]
    [InlineData("http://web:80", "http://web:80", ServiceKind.Http)]
    [InlineData("HTTP://Web:8080", "http://web:8080", ServiceKind.Http)]
    [InlineData("http://my_app:80", "http://my_app:80", ServiceKind.Http)]
    [InlineData("https://caddy", "https://caddy", ServiceKind.Https)]
    [InlineData("https://caddy/", "https://caddy", ServiceKind.Https)]
    [InlineData("http://192.0.2.10:5678", "http://192.0.2.10:5678", ServiceKind.Http)]
    [InlineData("http://[2001:db8::1]:8080", "http://[2001:db8::1]:8080", ServiceKind.Http)]
    [InlineData("https://[2001:DB8::1]", "https://[2001:db8::1]", ServiceKind.Https)]
    [InlineData("tcp://db:5432", "tcp://db:5432", ServiceKind.Tcp)]
    [InlineData("ssh://host:22", "ssh://host:22", ServiceKind.Ssh)]
    [InlineData("rdp://pc:3389", "rdp://pc:3389", ServiceKind.Rdp)]
    [InlineData("unix:/run/app.sock", "unix:/run/app.sock", ServiceKind.Unix)]
    [InlineData("unix+tls:/run/app.sock", "unix+tls:/run/app.sock", ServiceKind.UnixTls)]
    [InlineData("http_status:404", "http_status:404", ServiceKind.HttpStatus)]
    [InlineData("http_status:100", "http_status:100", ServiceKind.HttpStatus)]
    [InlineData("http_status:999", "http_status:999", ServiceKind.HttpStatus)]
    [InlineData("hello_world", "hello_world", ServiceKind.HelloWorld)]
    [InlineData("hello-world", "hello_world", ServiceKind.HelloWorld)]
    [InlineData("bastion", "bastion", ServiceKind.Bastion)]
    [InlineData(" http://web:80 ", "http://web:80", ServiceKind.Http)]
    public void TryParse_AcceptedService_ReturnsCanonicalForm(string raw, string expected, ServiceKind kind)
    {
        Assert.True(ServiceParser.TryParse(raw, "s", "p", out var service, out var error), error.Message);
        Assert.Equal(expected, service.Value);
        Assert.Equal(kind, service.Kind);
    }

    [Theory]
    [InlineData("tcp://db", DiagnosticCodes.ServiceInvalid, "port")]
    [InlineData("ssh://host", DiagnosticCodes.ServiceInvalid, "port")]
    [InlineData("http://192.0.2.1/nas", DiagnosticCodes.ServiceHasPath, "path")]
    [InlineData("tcp://db:5432/x", DiagnosticCodes.ServiceHasPath, "path")]
    [InlineData("ftp://x:21", DiagnosticCodes.ServiceInvalid, "ftp")]
    [InlineData("http://", DiagnosticCodes.ServiceInvalid, "host")]
    [InlineData("web:80", DiagnosticCodes.ServiceInvalid, "scheme")]
    [InlineData("http_status:99", DiagnosticCodes.ServiceInvalid, "100 to 999")]
    [InlineData("http_status:1000", DiagnosticCodes.ServiceInvalid, "100 to 999")]
    [InlineData("http_status:abc", DiagnosticCodes.ServiceInvalid, "100 to 999")]
    [InlineData("http://web:0", DiagnosticCodes.ServiceInvalid, "port")]
    [InlineData("http://web:65536", DiagnosticCodes.ServiceInvalid, "port")]
    [InlineData("http://web:", DiagnosticCodes.ServiceInvalid, "port")]
    [InlineData("http://user:pw@web:80", DiagnosticCodes.ServiceInvalid, "credentials")]
    [InlineData("http://2001:db8::1:80", DiagnosticCodes.ServiceInvalid, "brackets")]
    [InlineData("http://web:80?x=1", DiagnosticCodes.ServiceInvalid, "query")]
    [InlineData("http://we b:80", DiagnosticCodes.ServiceInvalid, "not a host")]
    [InlineData("ws://web:80", DiagnosticCodes.ServiceInvalid, "http://")]
    [InlineData("unix:relative.sock", DiagnosticCodes.ServiceInvalid, "absolute")]
    [InlineData("unix:/run/a\u0000.sock", DiagnosticCodes.ServiceInvalid, "without spaces")]
    [InlineData("", DiagnosticCodes.ServiceMissing, "empty")]
    public void TryParse_RejectedService_ExplainsWhy(string raw, string code, string reason)
    {
        Assert.False(ServiceParser.TryParse(raw, "s", "p", out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_ServiceWithPath_SuggestsThePathLabel()
    {
        ServiceParser.TryParse("http://192.0.2.1/nas", "dockflare.service", "dockflare.path", out _, out var error);

        Assert.Contains("'dockflare.service=http://192.0.2.1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dockflare.path=/nas'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_CredentialsInServiceUrl_AreNeverRepeated()
    {
        ServiceParser.TryParse("http://admin:s3cret@web:80", "dockflare.service", "dockflare.path", out _, out var error);

        Assert.Contains("'http://***@web:80'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", error.Message, StringComparison.Ordinal);
    }
}
