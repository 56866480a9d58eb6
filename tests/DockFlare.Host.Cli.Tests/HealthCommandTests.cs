using System.Net;
using System.Net.Sockets;

namespace DockFlare.Host.Cli.Tests;

/// <summary><c>DockFlare.Host health</c>, the image's HEALTHCHECK: which address it asks, and its exit code.</summary>
public sealed class HealthCommandTests
{
    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:8081", "http://127.0.0.1:8081/healthz")]
    [InlineData("http://0.0.0.0:8082", "http://127.0.0.1:8082/healthz")]
    [InlineData("http://[::]:8083", "http://127.0.0.1:8083/healthz")]
    [InlineData("http://localhost:5001", "http://127.0.0.1:5001/healthz")]
    [InlineData("https://+:8443;http://127.0.0.1:8084", "http://127.0.0.1:8084/healthz")]
    [InlineData(null, "http://127.0.0.1:5000/healthz")]
    public void ProbeUri_AspNetCoreUrls_AsksLoopbackOnTheFirstHttpPort(string? urls, string expected)
    {
        Assert.Equal(new Uri(expected), HealthCommand.ProbeUri(urls));
    }

    [Fact]
    public void ProbeUri_OnlyHttps_IsNull()
    {
        Assert.Null(HealthCommand.ProbeUri("https://+:8443"));
    }

    [Fact]
    public async Task RunAsync_HealthzAnswers200_ExitsZero_NothingListening_ExitsOne()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/healthz" ? 200 : 404;
            context.Response.Close();
        });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var healthy = await HealthCommand.RunAsync($"http://+:{port}", output, error);
        await served;
        listener.Stop();
        var down = await HealthCommand.RunAsync($"http://+:{FreePort()}", output, error);

        Assert.Equal(0, healthy);
        Assert.Equal(1, down);
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
