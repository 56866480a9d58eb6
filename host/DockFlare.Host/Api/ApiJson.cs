using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DockFlare.Host.Api;

/// <summary>The API's JSON: camelCase, enums as strings; and reading a request body with errors that name the problem.</summary>
internal static class ApiJson
{
    /// <summary>The largest request body the API reads by default (64 KiB); a larger one is a 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddDockFlareApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

        // Responses are JSON, never HTML: messages keep their quotes and angle brackets readable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    /// <summary>The 413 answered for a body over <paramref name="maxBytes"/>.</summary>
    public static IResult TooLarge(long maxBytes) =>
        ApiError.Result(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
            $"The request body is larger than the limit of {maxBytes} bytes ({maxBytes / 1024} KiB).");

    /// <summary>
    /// Reads the body, at most <paramref name="maxBytes"/>, as <typeparamref name="T"/>; on failure returns the error
    /// to answer instead: 413 for a body that is too large, 400 <c>invalid_json</c> for malformed JSON (with its line
    /// and position) or JSON of the wrong shape (naming the field and the JSON type it must have).
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context, long maxBytes = MaxBodyBytes)
        where T : class
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Invalid("The request body is empty: send a JSON object."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException ex)
        {
            return (null, Invalid($"The request body is not valid JSON: {JsonShapeErrors.Malformed(ex)}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid($"The request body must be a JSON object, not {JsonShapeErrors.Describe(document.RootElement.ValueKind)}."));
            }

            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                var value = document.Deserialize<T>(options);
                return value is null ? (null, Invalid("The request body must be a JSON object, not null.")) : (value, null);
            }
            catch (JsonException ex)
            {
                return (null, Invalid(JsonShapeErrors.UnknownField(typeof(T), document.RootElement, options)
                    ?? JsonShapeErrors.WrongShape(ex.Path, typeof(T), document.RootElement, options)));
            }
        }
    }

    private static IResult Invalid(string message) => ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", message);
}
