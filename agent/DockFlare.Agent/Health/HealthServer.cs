using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DockFlare.Agent.Health;

/// <summary>
/// Serves <c>GET /health</c> on <c>HEALTH_CHECK_PORT</c> (every interface: the agent runs in a container and Docker's
/// health check or a monitor calls it from outside). HTTP 200 when healthy or degraded, 503 when unhealthy, with a JSON body
/// (<see cref="HealthReport"/>). Anything else is a 404. Off when the port is 0.
/// </summary>
/// <remarks>
/// <see cref="HttpListener"/> is the managed implementation on Linux: no root needed for a port above 1023 and no ASP.NET
/// Core in the agent. A port that cannot be opened is logged and the agent runs on without <c>/health</c>.
/// </remarks>
internal sealed class HealthServer(HealthEvaluator evaluator, AgentSettings settings, AgentTimings timings, ILogger<HealthServer> log)
    : BackgroundService
{
    // Nulls are written: a monitor reading the body can rely on every field being there.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.HealthCheckPort == 0)
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://{timings.HealthListenHost}:{settings.HealthCheckPort}/"));
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            log.LogError("/health cannot listen on HEALTH_CHECK_PORT {Port} ({Reason}): the agent runs without it", settings.HealthCheckPort, ex.Message);
            return;
        }

        log.LogDebug("/health listens on port {Port}", settings.HealthCheckPort);
        await using var stop = stoppingToken.Register(listener.Stop).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                log.LogWarning("/health failed to accept a request: {Reason}", ex.Message);
                continue;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            if (request.HttpMethod is not ("GET" or "HEAD") || request.Url?.AbsolutePath.TrimEnd('/') != "/health")
            {
                response.StatusCode = 404;
                return;
            }

            var report = evaluator.Evaluate();
            var body = JsonSerializer.SerializeToUtf8Bytes(report, Json);
            response.StatusCode = report.HttpStatus;
            response.ContentType = "application/json";
            response.Headers["Cache-Control"] = "no-store";
            response.ContentLength64 = body.Length;
            if (request.HttpMethod == "GET")
            {
                response.OutputStream.Write(body);
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Whatever one caller does (a POST without a body is answered 411 by the listener itself, which then disposes
            // the response), it ends that request, never the agent: /health listens on every interface.
            log.LogDebug("/health could not answer: {Reason}", ex.Message);
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The caller hung up.
            }
        }
    }
}
