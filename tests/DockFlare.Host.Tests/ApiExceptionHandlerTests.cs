using System.Text.Json;
using DockFlare.Host.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DockFlare.Host.Tests;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_RedisAway_Answers503StorageUnavailable()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        var handled = await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, new RedisConnectionException(ConnectionFailureType.SocketFailure, "No connection is active"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("storage_unavailable", body.RootElement.GetProperty("error").GetString());
    }
}
