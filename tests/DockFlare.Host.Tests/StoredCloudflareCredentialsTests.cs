using System.Text.Json;
using DockFlare.Core.State;
using DockFlare.Host.Web.Cloudflare;

namespace DockFlare.Host.Tests;

/// <summary>Cloudflare credentials entered in the UI that cannot be read at start are reported by /readyz, not ignored.</summary>
public sealed class StoredCloudflareCredentialsTests
{
    [Fact]
    public async Task Start_StoredCredentialsUnreadable_ReadyzNamesTheProblem()
    {
        using var data = new TempFolder();
        await using (var first = await TestHost.StartAsync(dataDirectory: data.Path))
        {
            Assert.Equal("Healthy", (await CredentialsCheckAsync(first)).GetProperty("status").GetString());
            await first.Services.GetRequiredService<IStateStore>().SetSettingAsync(
                new SettingEntry(CloudflareCredentialStore.SettingKey, "CfDJ8-not-what-data-protection-wrote", IsJson: false));
        }

        await using var again = await TestHost.StartAsync(dataDirectory: data.Path);
        var check = await CredentialsCheckAsync(again);

        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("cannot be decrypted", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CredentialsCheckAsync(TestHost host)
    {
        var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cloudflare-credentials").Clone();
    }
}
