using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>A group made through the API reaches the sandbox's Cloudflare as one reusable policy with every rule.</summary>
public sealed class AccessGroupsSandboxTests
{
    [Fact]
    public async Task Post_GroupWithSeveralIncludeRules_NextSyncMakesAReusablePolicyWithAllOfThem()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
        await using var host = await TestHost.StartAsync(["--sandbox", $"--PLUGINS_DIR={plugins}"]);
        host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, true));
        host.Authorized();

        var created = await host.Client.PostAsJsonAsync(new Uri("/api/v2/access-groups", UriKind.Relative), new
        {
            id = "staff",
            decision = "allow",
            include = new object[]
            {
                new { email = new { email = "alice@example.com" } },
                new { email = new { email = "bob@example.com" } },
                new { email_domain = new { domain = "contractors.example.com" } },
            },
            exclude = new object[] { new { geo = new { country_code = "KP" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // What every reconcile pass does first (the reconciler is a fake here).
        await host.Services.GetRequiredService<IAccessGateway>().EnsureGroupsAsync(CancellationToken.None);

        var emulator = host.Services.GetRequiredService<RunningEmulator>();
        using var cf = new HttpClient { BaseAddress = emulator.BaseUrl };
        cf.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
        using var policies = JsonDocument.Parse(await cf.GetStringAsync(new Uri($"accounts/{emulator.AccountId}/access/policies", UriKind.Relative)));
        var policy = Assert.Single(policies.RootElement.GetProperty("result").EnumerateArray(), p => p.GetProperty("name").GetString() == "DockFlare-AccessGroup-staff");
        Assert.Equal("allow", policy.GetProperty("decision").GetString());
        Assert.Equal(
            ["""{"email":{"email":"alice@example.com"}}""", """{"email":{"email":"bob@example.com"}}""", """{"email_domain":{"domain":"contractors.example.com"}}"""],
            policy.GetProperty("include").EnumerateArray().Select(r => r.GetRawText()));
        Assert.Equal(["""{"geo":{"country_code":"KP"}}"""], policy.GetProperty("exclude").EnumerateArray().Select(r => r.GetRawText()));

        using var view = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/api/v2/access-groups/staff", UriKind.Relative)));
        var sync = view.RootElement.GetProperty("sync");
        Assert.Equal("synced", sync.GetProperty("state").GetString());
        Assert.Equal(policy.GetProperty("id").GetString(), sync.GetProperty("policyId").GetString());
    }
}
