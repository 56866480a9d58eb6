using System.Text;
using DockFlare.Host.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DockFlare.Host.Tests;

/// <summary>Reading an agent request's body: every way it can be wrong is an answer, never an exception.</summary>
public sealed class AgentRequestGuardTests
{
    [Fact]
    public async Task ReadAsync_BodyShorterThanAnnounced_Is400NotAnUnhandledError()
    {
        // Kestrel throws this when a client announces a Content-Length and hangs up early (a load generator stopping
        // mid-request did it); it escaped as an unhandled exception, logged as an error with its stack trace.
        var context = new DefaultHttpContext();
        context.Request.Body = new FailingStream(new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest));

        var (body, error) = await AgentRequestGuard.ReadAsync(context);

        Assert.Null(body);
        var result = Assert.IsAssignableFrom<IStatusCodeHttpResult>(error);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        var value = Assert.IsAssignableFrom<IValueHttpResult>(error).Value;
        Assert.Contains("Unexpected end of request content", System.Text.Json.JsonSerializer.Serialize(value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ValidObject_IsReturned()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"a":1}"""));

        var (body, error) = await AgentRequestGuard.ReadAsync(context);

        Assert.Null(error);
        Assert.Equal(1, (int)body!["a"]!);
    }

    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
