using System.Text;
using System.Text.RegularExpressions;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>Records every <c>/client/v4</c> call with its body and final status; secrets are redacted.</summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, RequestLog log, EmulatorStore store)
{
    public const string DroppedKey = "emulator.dropped";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPath.IsApi(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var sequence = log.NextSequence();
        var at = store.Now;
        context.Request.EnableBuffering();
        string? body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
            var dropped = context.Items.ContainsKey(DroppedKey);
            var response = Redact(Encoding.UTF8.GetString(buffer.ToArray()), context.Request.Path);
            log.Add(new RecordedRequest(
                sequence,
                context.Request.Method,
                ApiPath.Relative(context.Request.Path),
                context.Request.QueryString.Value ?? "",
                string.IsNullOrEmpty(body) ? null : Redact(body, context.Request.Path),
                dropped ? 0 : context.Response.StatusCode,
                at)
            {
                ResponseBody = response.Length == 0 ? null : response,
            });

            // Logged before the client can see the response, so a test that reads the log right after its
            // call always finds the call there.
            if (!dropped && buffer.Length > 0)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The log is served over HTTP: tunnel secrets, connector tokens and client secrets are masked.</summary>
    private static string Redact(string text, PathString path)
    {
        var masked = Secret().Replace(text, "\"$1\":\"***\"");
        return path.Value?.EndsWith("/token", StringComparison.Ordinal) == true ? TokenResult().Replace(masked, "\"result\":\"***\"") : masked;
    }

    [GeneratedRegex("\"(tunnel_secret|client_secret|TunnelSecret|token)\"\\s*:\\s*\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    [GeneratedRegex("\"result\"\\s*:\\s*\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex TokenResult();
}
