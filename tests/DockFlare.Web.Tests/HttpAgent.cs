using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DockFlare.Web.Tests;

/// <summary>
/// An agent speaking the real agent API over HTTP to the master (v2 shapes), with the key an admin generated: enough
/// of an agent to register, heartbeat with a cloudflared status and acknowledge its commands.
/// </summary>
public sealed class HttpAgent : IDisposable
{
    private readonly HttpClient _http;

    public HttpAgent(Uri master, string secret)
    {
        _http = new HttpClient { BaseAddress = master, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    }

    public string Id { get; private set; } = "";

    /// <summary>Registers as a new agent; the master answers 201 with the agent's id, pending.</summary>
    public async Task<string> RegisterAsync(string displayName, string hostname)
    {
        using var response = await _http.PostAsJsonAsync("/api/v2/agents/register", new { displayName, hostname, agentVersion = "2.0.0-test" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Id = body.GetProperty("agentId").GetString()!;
        return Id;
    }

    /// <summary>A heartbeat saying cloudflared is in <paramref name="state"/>; the master must accept it.</summary>
    public async Task HeartbeatAsync(string state, string? tunnelId = null) =>
        Assert.Equal(HttpStatusCode.OK, await HeartbeatStatusAsync(state, tunnelId));

    /// <summary>A heartbeat; returns the master's answer.</summary>
    public async Task<HttpStatusCode> HeartbeatStatusAsync(string state = "running", string? tunnelId = null)
    {
        using var response = await _http.PostAsJsonAsync($"/api/v2/agents/{Id}/heartbeat", new
        {
            agentVersion = "2.0.0-test",
            cloudflared = new { state, containerName = "cloudflared-agent-" + Id, image = "cloudflare/cloudflared:latest", tunnelId },
        });
        return response.StatusCode;
    }

    /// <summary>Fetches the pending commands (no wait) and acknowledges each as succeeded; returns their actions.</summary>
    public async Task<IReadOnlyList<string>> CompleteCommandsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/agents/{Id}/commands?wait=0");
        request.Headers.Add("X-DockFlare-Protocol", "2");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actions = new List<string>();
        foreach (var command in (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commands").EnumerateArray())
        {
            var id = command.GetProperty("id").GetString()!;
            using var ack = await _http.PostAsJsonAsync($"/api/v2/agents/{Id}/commands/{id}/ack", new { outcome = "succeeded", result = "done by the test agent" });
            Assert.True(ack.IsSuccessStatusCode, $"ack of {id} answered {(int)ack.StatusCode}");
            actions.Add(command.GetProperty("action").GetString()!);
        }

        return actions;
    }

    public void Dispose() => _http.Dispose();
}
