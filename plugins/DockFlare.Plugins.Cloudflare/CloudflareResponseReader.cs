using System.Text.Json;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>
/// Reads envelopes. Success needs both a 2xx status and <c>success:true</c>; anything else becomes a
/// <see cref="CloudflareApiException"/> that carries Cloudflare's codes, nested causes included.
/// </summary>
internal static class CloudflareResponseReader
{
    public static CloudflareEnvelope ReadEnvelope(HttpMethod method, string path, CloudflareRawResponse response)
    {
        var envelope = TryParse(response.Body);
        if (envelope is null)
        {
            if (response.IsSuccessStatus && string.IsNullOrWhiteSpace(response.Body))
            {
                return new CloudflareEnvelope(true, [], [], default);
            }

            throw Failure(method, path, response, [], unexpected: true,
                response.IsSuccessStatus ? "the body is not a Cloudflare envelope" : null);
        }

        if (response.IsSuccessStatus && envelope.Success)
        {
            return envelope;
        }

        return ThrowFor(method, path, response, envelope);
    }

    public static T Result<T>(HttpMethod method, string path, CloudflareEnvelope envelope)
    {
        try
        {
            if (envelope.Result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                throw new JsonException("result is null");
            }

            return envelope.Result.Deserialize<T>(CloudflareJson.Options) ?? throw new JsonException("result is null");
        }
        catch (JsonException ex)
        {
            throw new CloudflareApiException(
                $"Cloudflare {method} {CloudflareTransport.StripQuery(path)} returned a result that is not a {typeof(T).Name}: {ex.Message}",
                200, unexpectedResponse: true, innerException: ex);
        }
    }

    public static CloudflareEnvelope? TryParse(string body)
    {
        var text = body.TrimStart();
        if (!text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<CloudflareEnvelope>(text, CloudflareJson.Options);
            return envelope is { Errors: not null } or { Success: true } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CloudflareEnvelope ThrowFor(HttpMethod method, string path, CloudflareRawResponse response, CloudflareEnvelope envelope)
    {
        var errors = Flatten(envelope.Errors ?? []).ToList();
        throw Failure(method, path, response, errors, unexpected: false, errors.Count == 0 ? "success was false without errors" : null);
    }

    private static CloudflareApiException Failure(
        HttpMethod method, string path, CloudflareRawResponse response, List<CloudflareError> errors, bool unexpected, string? note)
    {
        var detail = errors.Count > 0
            ? string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}"))
            : note ?? (unexpected ? "the body is not a Cloudflare envelope" : "no error detail");
        return new CloudflareApiException(
            $"Cloudflare {method} {CloudflareTransport.StripQuery(path)} failed with HTTP {response.Status}: {detail}",
            response.Status,
            errors,
            response.RetryAfter,
            unexpected);
    }

    private static IEnumerable<CloudflareError> Flatten(IEnumerable<CloudflareMessage> messages)
    {
        foreach (var message in messages)
        {
            yield return new CloudflareError(message.Code, message.Message);
            foreach (var cause in Flatten(message.ErrorChain ?? []))
            {
                yield return cause;
            }
        }
    }
}
