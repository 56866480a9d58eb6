using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DockFlare.Host.Api;

/// <summary>The API's JSON: camelCase, enums as strings; and reading a request body with errors that name the problem.</summary>
internal static class ApiJson
{
    public static IServiceCollection AddDockFlareApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

        // Responses are JSON, never HTML: messages keep their quotes and angle brackets readable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    /// <summary>Reads the body as <typeparamref name="T"/>; on failure returns a 400 result instead.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context)
        where T : class
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return value is null
                ? (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", "The request body is empty or null: send a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            // The serializer's message names the position and what it expected; it never holds a stack trace.
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_json", $"The request body is not valid JSON: {ex.Message}"));
        }
    }
}
