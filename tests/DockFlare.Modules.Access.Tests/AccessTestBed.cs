using DockFlare.Testing;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Access;
using DockFlare.Core.Planning;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Access.Tests;

/// <summary>The gateway wired to the real Cloudflare provider on the emulator, with an in-memory state store.</summary>
internal sealed class AccessTestBed : IAsyncDisposable
{
    private AccessTestBed(CloudflareHarness harness, InMemoryStateStore state, AccessGateway gateway, string oneTimePinId)
    {
        Harness = harness;
        State = state;
        Gateway = gateway;
        OneTimePinId = oneTimePinId;
    }

    public CloudflareHarness Harness { get; }

    public InMemoryStateStore State { get; }

    public AccessGateway Gateway { get; }

    public string OneTimePinId { get; }

    public static CancellationToken Ct => CancellationToken.None;

    public static Task<AccessTestBed> StartAsync(bool useReusablePolicies = true, params AccessGroupDefinition[] groups) =>
        StartAsync(TimeProvider.System, useReusablePolicies, groups);

    public static async Task<AccessTestBed> StartAsync(TimeProvider time, bool useReusablePolicies = true, params AccessGroupDefinition[] groups)
    {
        var harness = await CloudflareHarness.StartAsync();
        var state = new InMemoryStateStore();
        if (groups.Length > 0)
        {
            await new AccessGroupStore(state).SaveAsync(groups, Ct);
        }

        var account = new CloudflareAccount(harness.AccountId, IsSandbox: false);
        var options = new AccessOptions { UseReusablePolicies = useReusablePolicies };
        var sync = new AccessGroupSync(harness.Policies, harness.Accounts, harness.IdentityProviders, state, new AccessGroupStore(state), account, options,
            harness.Get<ILogger<AccessGroupSync>>(), time);
        var gateway = new AccessGateway(harness.Apps, sync, new AppliedIntentNotes(state), account, options, harness.Get<ILogger<AccessGateway>>());
        var pin = (await harness.IdentityProviders.ListIdentityProvidersAsync(harness.AccountId, Ct)).Single(i => i.Type == "onetimepin");
        return new AccessTestBed(harness, state, gateway, pin.Id);
    }

    /// <summary>The recorded writes (POST, PUT, PATCH, DELETE) to Access endpoints.</summary>
    public IReadOnlyList<RecordedRequest> AccessWrites() =>
        [.. Harness.Requests.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && r.Path.Contains("/access/", StringComparison.Ordinal))];

    public async Task<ObservedAccessApp> ReadOneAsync(string domain) =>
        Assert.Single(await Gateway.ReadAsync(Ct), a => a.Domain == domain);

    public static AccessCreateOperation Create(AccessIntent intent) => new(intent, new PlanCause("test", ["test"]));

    public static AccessGroupDefinition OfficeIp() => new()
    {
        Id = "office-ip",
        Name = "Office network",
        Decision = "bypass",
        Include = [AccessRule.Ip("192.0.2.0/24")],
    };

    public static AccessGroupDefinition Team() => new()
    {
        Id = "team",
        Decision = "allow",
        Include = [AccessRule.EmailDomain("example.com"), AccessRule.Email("guest@example.org")],
        Exclude = [AccessRule.Country("KP")],
        SessionDuration = "8h",
        AppLauncherVisible = true,
    };

    /// <summary>Whether any live application lets everyone in (an allow or bypass policy including everyone).</summary>
    public async Task<bool> AnyAppAdmitsEveryoneAsync()
    {
        var apps = await Harness.Apps.ListAccessApplicationsAsync(Harness.AccountId, AccessApplicationQuery.All, Ct);
        return apps.Any(a => a.Policies.Any(p => p.Decision is "allow" or "bypass" && p.Include.Any(r => r.Kind == "everyone")));
    }

    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
