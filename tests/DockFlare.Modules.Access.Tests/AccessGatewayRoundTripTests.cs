using DockFlare.Core.Access;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessGatewayRoundTripTests
{
    private const string Host = "app.example.com";

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var reusable in new[] { true, false })
        {
            foreach (var name in new[]
                     {
                         "bypass-group", "legacy-bypass", "legacy-authenticate", "user-group-takes-group-settings", "several-groups-on-path",
                         "groups-with-explicit-settings", "idp-and-auto-redirect", "custom-simple", "custom-full-on-path", "custom-non-canonical-order",
                         "custom-with-legacy-policy",
                     })
            {
                data.Add(name, reusable);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_AfterCreate_AppliedIntentEqualsIntent(string name, bool useReusablePolicies)
    {
        await using var bed = await AccessTestBed.StartAsync(useReusablePolicies, AccessTestBed.OfficeIp(), AccessTestBed.Team());
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = Intent(name, bed.OneTimePinId);

        var id = await bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct);
        var observed = await bed.ReadOneAsync(intent.Domain);

        Assert.Equal(id, observed.Id);
        Assert.Equal(intent, observed.AppliedIntent);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_UnchangedAfterCreate_SecondRoundMakesNoWrites(string name, bool useReusablePolicies)
    {
        await using var bed = await AccessTestBed.StartAsync(useReusablePolicies, AccessTestBed.OfficeIp(), AccessTestBed.Team());
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = Intent(name, bed.OneTimePinId);
        await bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct);
        var writes = bed.AccessWrites().Count;

        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var observed = await bed.ReadOneAsync(intent.Domain);

        Assert.Equal(intent, observed.AppliedIntent);
        Assert.Equal(writes, bed.AccessWrites().Count);
    }

    [Theory]
    [InlineData(AccessMode.None)]
    [InlineData(AccessMode.ZoneDefault)]
    public async Task CreateAsync_ModeWithoutOwnApp_ThrowsAndWritesNothing(AccessMode mode)
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var before = bed.AccessWrites().Count;
        var intent = new AccessIntent(Host, null, mode) { LegacyPolicy = mode == AccessMode.ZoneDefault ? "default_tld" : null };

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct));

        Assert.Contains(Host, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, bed.AccessWrites().Count);
        Assert.Empty(await bed.Gateway.ReadAsync(AccessTestBed.Ct));
    }

    private static AccessIntent Intent(string name, string oneTimePinId) => name switch
    {
        "bypass-group" => new AccessIntent(Host, null, AccessMode.Groups) { Groups = ["public-default-bypass"] },
        "legacy-bypass" => new AccessIntent(Host, null, AccessMode.Groups) { Groups = ["public-default-bypass"], LegacyPolicy = "bypass" },
        "legacy-authenticate" => new AccessIntent(Host, null, AccessMode.Groups) { Groups = ["authenticated-default"], LegacyPolicy = "authenticate" },
        "user-group-takes-group-settings" => new AccessIntent(Host, null, AccessMode.Groups) { Groups = ["team"] },
        "several-groups-on-path" => new AccessIntent(Host, "/admin", AccessMode.Groups) { Groups = ["office-ip", "team", "authenticated-default"] },
        "groups-with-explicit-settings" => new AccessIntent(Host, null, AccessMode.Groups)
        {
            Groups = ["team"], AppName = "Team app", SessionDuration = "2h", AppLauncherVisible = false,
        },
        "idp-and-auto-redirect" => new AccessIntent(Host, "/sso", AccessMode.Groups)
        {
            Groups = ["authenticated-default"], AllowedIdps = [oneTimePinId], AutoRedirectToIdentity = true, AppLauncherVisible = true,
        },
        "custom-simple" => new AccessIntent(Host, null, AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"decision":"allow","include":[{"email":{"email":"user@example.com"}}]}]""",
        },
        "custom-full-on-path" => new AccessIntent(Host, "/api/v1", AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"name":"Office","decision":"bypass","include":[{"ip":{"ip":"192.0.2.0/24"}}]},{"decision":"allow","include":[{"email_domain":{"domain":"example.com"}}],"exclude":[{"geo":{"country_code":"KP"}}],"require":[{"login_method":{"id":"__PIN__"}}],"session_duration":"30m"}]"""
                .Replace("__PIN__", oneTimePinId, StringComparison.Ordinal),
            AppName = "API", SessionDuration = "1h",
        },
        "custom-non-canonical-order" => new AccessIntent(Host, null, AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"include":[{"email":{"email":"user@example.com"}}],"decision":"allow","precedence":1}]""",
        },
        "custom-with-legacy-policy" => new AccessIntent(Host, null, AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"decision":"deny","include":[{"everyone":{}}]}]""", LegacyPolicy = "authenticate",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
