using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests.Support;

/// <summary>Raw HTTP against a running emulator, for rules the provider would never break on purpose.</summary>
internal sealed class EmulatorClient(RunningEmulator emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.RootUrl };

    public async Task<(int Status, JsonDocument Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, object? body = null, string? token = "default", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.StartsWith("__", StringComparison.Ordinal) ? path : "client/v4" + path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token == "default" ? $"Bearer {emulator.Token}" : token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "null" : text), response);
    }

    public static int[] Codes(JsonDocument body) =>
        [.. body.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetInt32())];

    public static string FirstMessage(JsonDocument body) =>
        body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public void Dispose() => _http.Dispose();
}
