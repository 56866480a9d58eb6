using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DockFlare.SystemBenchmarks;

/// <summary>The admin REST API (docs/api.md, docs/agent-protocol.md) as the benchmarks use it.</summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    public AdminClient(Uri baseAddress, string adminKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, "GET " + path);
    }

    public async Task<JsonNode> PostAsync(string path, object? body = null)
    {
        using var content = JsonContent.Create(body ?? new { });
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response, "POST " + path);
    }

    /// <summary>Generates an agent key and returns the bearer token an agent sends (<c>secret</c>: <c>dfa_&lt;keyId&gt;_…</c>).</summary>
    public async Task<string> CreateAgentKeyAsync(string label) =>
        (await PostAsync("api/v2/agent-keys", new { label }))["secret"]!.GetValue<string>();

    /// <summary>Every route with its status, by status.</summary>
    public async Task<Dictionary<string, int>> RouteStatusesAsync()
    {
        var routes = (await GetAsync("api/v2/routes"))["routes"]!.AsArray();
        return routes.GroupBy(r => r!["status"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public void Dispose() => _http.Dispose();
}
