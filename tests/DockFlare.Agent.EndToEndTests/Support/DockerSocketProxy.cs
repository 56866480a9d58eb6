using System.Net.Sockets;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>
/// A Unix socket in a temp folder that forwards every connection to the test dockerd's socket, so a test can break the
/// agent's Docker connections (its event stream among them) without touching the engine others share.
/// </summary>
/// <remarks>
/// <see cref="Break"/> closes every open connection and refuses new ones (each is accepted and closed at once, so the
/// client fails fast rather than hanging) until <see cref="Restore"/>.
/// </remarks>
internal sealed class DockerSocketProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Socket> _open = [];
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _engineSocket;
    private readonly Task _accepting;
    private bool _broken;

    public DockerSocketProxy(string engineEndpoint, string socketPath)
    {
        var engine = new Uri(engineEndpoint);
        if (engine.Scheme != "unix")
        {
            throw new ArgumentException($"The test engine must be a unix:// endpoint, not {engineEndpoint}.", nameof(engineEndpoint));
        }

        _engineSocket = engine.AbsolutePath;
        SocketPath = socketPath;
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(64);
        _accepting = AcceptAsync();
    }

    public string SocketPath { get; }

    /// <summary>The <c>DOCKER_HOST</c> to give the agent.</summary>
    public string Endpoint => "unix://" + SocketPath;

    /// <summary>Connections accepted and forwarded so far.</summary>
    public int Forwarded { get; private set; }

    /// <summary>Closes every connection now and refuses new ones until <see cref="Restore"/>.</summary>
    public void Break()
    {
        List<Socket> open;
        lock (_gate)
        {
            _broken = true;
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            Close(socket);
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _broken = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        Break();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        File.Delete(SocketPath);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        lock (_gate)
        {
            if (_broken)
            {
                Close(client);
                return;
            }

            _open.Add(client);
        }

        var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await engine.ConnectAsync(new UnixDomainSocketEndPoint(_engineSocket), _stop.Token);
            lock (_gate)
            {
                if (!_open.Contains(client))
                {
                    return; // broken meanwhile
                }

                _open.Add(engine);
                Forwarded++;
            }

            await Task.WhenAny(PumpAsync(client, engine), PumpAsync(engine, client));
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ends: both sides are closed below.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(engine);
            }

            Close(client);
            Close(engine);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by the other side, by Break or by disposal.
        }
    }

    private static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
