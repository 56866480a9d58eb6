using System.Text.Json;
using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>
/// Neither side may drift from the real API: every operation of the official subset is driven through the
/// provider against the emulator, then each request body the provider sent and each answer the emulator gave
/// is validated against <c>openapi-subset.json</c>.
/// </summary>
public sealed class OpenApiConformanceTests
{
    [Fact]
    public async Task EveryOperation_ProviderAgainstEmulator_CoversTheWholeOfficialSubset()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await DriveEveryOperation(h);

        var expected = AllOperations();
        var exercised = h.Requests.Select(r => (OpenApiSubset.Template(r.Path), r.Method)).Where(o => o.Item1 is not null).Select(o => $"{o.Method} {o.Item1}").ToHashSet();

        Assert.Empty(expected.Except(exercised));
    }

    [Fact]
    public async Task EmulatorResponses_EveryOperation_MatchOfficialSchema()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await DriveEveryOperation(h);

        var problems = new List<string>();
        var validated = 0;
        foreach (var request in h.Requests)
        {
            if (Schema(request, response: true) is not { } schema || request.ResponseBody is null)
            {
                continue;
            }

            using var body = JsonDocument.Parse(request.ResponseBody);
            problems.AddRange(SchemaValidator.Validate(schema, body.RootElement, request: false)
                .Where(e => !KnownSchemaDefect(request, e))
                .Select(e => $"{request.Method} {request.Path} {request.Status}: {e}"));
            validated++;
        }

        Assert.True(validated >= 54, $"only {validated} responses validated");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task ProviderRequestBodies_EveryWrite_MatchOfficialSchema()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await DriveEveryOperation(h);

        var problems = new List<string>();
        var validated = 0;
        foreach (var request in h.Requests.Where(r => r.Body is not null))
        {
            if (Schema(request, response: false) is not { } schema)
            {
                continue;
            }

            using var body = JsonDocument.Parse(request.Body!);
            problems.AddRange(SchemaValidator.Validate(schema, body.RootElement, request: true, partial: request.Method == "PATCH")
                .Where(e => !KnownSchemaDefect(request, e))
                .Select(e => $"{request.Method} {request.Path}: {e}"));
            validated++;
        }

        Assert.True(validated >= 15, $"only {validated} request bodies validated");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EmulatorErrorResponses_MatchOfficialFailureSchema()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await Assert.ThrowsAsync<CloudflareApiException>(() => h.Dns.ReplaceDnsRecordAsync(h.ZoneId, new string('c', 32), new DnsRecordInput("A", "x", "198.51.100.1"), CloudflareHarness.Ct));
        await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "x", Domain = "x.elsewhere.net" }, CloudflareHarness.Ct));
        await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.GetTunnelConfigurationAsync(h.AccountId, Guid.NewGuid().ToString(), CloudflareHarness.Ct));
        await h.Tunnels.CreateTunnelAsync(h.AccountId, "dup", CloudflareHarness.Ct);
        await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.CreateTunnelAsync(h.AccountId, "dup", CloudflareHarness.Ct));

        var failures = h.Requests.Where(r => r.Status >= 400).ToList();
        var problems = failures.SelectMany(r =>
        {
            using var body = JsonDocument.Parse(r.ResponseBody!);
            var schema = FailurePart(Schema(r, response: true) ?? throw new InvalidOperationException($"no 4XX schema for {r.Method} {r.Path}"));
            return SchemaValidator.Validate(schema, body.RootElement, request: false).Select(e => $"{r.Method} {r.Path}: {e}").ToList();
        }).ToList();

        Assert.Equal(4, failures.Count);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Upstream defects of the 2024 schema, each checked by hand against SPEC.md: the group object's
    /// <c>is_default</c> references the <c>require</c> rule list instead of <c>access_is_default</c> (a boolean,
    /// SPEC 7.8), and ingress rules require <c>hostname</c> although the catch-all rule has none (SPEC 6.2).
    /// </summary>
    private static bool KnownSchemaDefect(RecordedRequest request, string error) =>
        (request.Path.Contains("/access/groups", StringComparison.Ordinal) && error.Contains(".is_default: expected array", StringComparison.Ordinal))
        || (request.Path.EndsWith("/configurations", StringComparison.Ordinal) && error.EndsWith("missing required 'hostname'", StringComparison.Ordinal));

    /// <summary>
    /// The 4XX schemas combine a success schema with the common failure schema in one allOf (contradictory on
    /// <c>result</c>); a failure answer is checked against the failure part.
    /// </summary>
    private static JsonElement FailurePart(JsonElement schema)
    {
        if (schema.TryGetProperty("allOf", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                if (part.TryGetProperty("$ref", out var r) && r.GetString()!.EndsWith("common-failure", StringComparison.Ordinal))
                {
                    return part;
                }
            }
        }

        return schema;
    }

    private static HashSet<string> AllOperations() =>
        OpenApiSubset.Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name != "parameters").Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

    private static JsonElement? Schema(RecordedRequest request, bool response)
    {
        if (OpenApiSubset.Template(request.Path) is not { } template || OpenApiSubset.Operation(template, request.Method) is not { } operation)
        {
            return null;
        }

        return response ? OpenApiSubset.ResponseSchema(operation, request.Status) : OpenApiSubset.RequestSchema(operation);
    }

    /// <summary>Calls every operation of the subset at least once, with realistic bodies.</summary>
    private static async Task DriveEveryOperation(CloudflareHarness h)
    {
        var ct = CloudflareHarness.Ct;
        var a = h.AccountId;
        await h.Verifier.VerifyAsync(h.Emulator.Token, a, ct);
        await h.Accounts.ListAccountsAsync(ct);
        await h.Accounts.ListAccountMembersAsync(a, ct);
        await h.Zones.ListZonesAsync(new ZoneQuery(a, Status: "active"), ct);
        await h.Zones.GetZoneAsync(h.ZoneId, ct);

        var record = await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("app.example.com", "0b3a8f5e-94f7-4d71-8a0e-7a4f8a9d0c11", "dockflare"), ct);
        await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery("CNAME"), ct);
        await h.Dns.GetDnsRecordAsync(h.ZoneId, record.Id, ct);
        await h.Dns.ReplaceDnsRecordAsync(h.ZoneId, record.Id, DnsRecordInput.TunnelCname("app.example.com", "1b3a8f5e-94f7-4d71-8a0e-7a4f8a9d0c11"), ct);
        await h.Dns.PatchDnsRecordAsync(h.ZoneId, record.Id, new DnsRecordPatch(Comment: "patched"), ct);
        await h.Dns.DeleteDnsRecordAsync(h.ZoneId, record.Id, ct);

        var tunnel = (await h.Tunnels.CreateTunnelAsync(a, "conformance", ct)).Tunnel;
        await h.Tunnels.ListTunnelsAsync(a, TunnelQuery.Live, ct);
        await h.Tunnels.GetTunnelAsync(a, tunnel.Id, ct);
        await h.Tunnels.RenameTunnelAsync(a, tunnel.Id, "conformance-2", ct);
        await h.Tunnels.GetTunnelTokenAsync(a, tunnel.Id, ct);
        await h.Tunnels.PutTunnelConfigurationAsync(a, tunnel.Id, new TunnelIngressConfiguration(
        [
            new IngressRule("app.example.com", "^/api", "http://web:8080", new OriginRequestOptions
            {
                ConnectTimeoutSeconds = 10, NoTlsVerify = true, HttpHostHeader = "app.internal", OriginServerName = "app.internal", Http2Origin = false,
                Access = new OriginAccessSettings(true, "team", ["aud"]),
            }),
            IngressRule.CatchAll404,
        ], new OriginRequestOptions { ConnectTimeoutSeconds = 30 }), ct);
        await h.Tunnels.GetTunnelConfigurationAsync(a, tunnel.Id, ct);
        var connector = h.Emulator.AttachConnector(tunnel.Id);
        await h.Tunnels.ListTunnelConnectorsAsync(a, tunnel.Id, ct);
        await h.Tunnels.GetTunnelConnectorAsync(a, tunnel.Id, connector, ct);
        await h.Tunnels.CleanupTunnelConnectionsAsync(a, tunnel.Id, connector, ct);
        await h.Tunnels.DeleteTunnelAsync(a, tunnel.Id, cascade: false, ct);

        var idp = await h.IdentityProviders.CreateIdentityProviderAsync(a, new IdentityProviderRequest("GitHub", "github",
            JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["client_id"] = "id", ["client_secret"] = "secret" })), ct);
        await h.IdentityProviders.ListIdentityProvidersAsync(a, ct);
        await h.IdentityProviders.GetIdentityProviderAsync(a, idp.Id, ct);
        await h.IdentityProviders.UpdateIdentityProviderAsync(a, idp.Id, new IdentityProviderRequest("GitHub 2", "github",
            JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["client_id"] = "id", ["client_secret"] = "secret" })), ct);

        var group = await h.Groups.CreateAccessGroupAsync(a, new AccessGroupRequest("admins", [AccessRule.Email("a@example.com")]), ct);
        await h.Groups.ListAccessGroupsAsync(a, ct);
        await h.Groups.GetAccessGroupAsync(a, group.Id, ct);
        await h.Groups.UpdateAccessGroupAsync(a, group.Id, new AccessGroupRequest("admins", [AccessRule.EmailDomain("example.com")]), ct);

        var token = await h.ServiceTokens.CreateServiceTokenAsync(a, new ServiceTokenRequest("agents"), ct);
        await h.ServiceTokens.ListServiceTokensAsync(a, ct);
        await h.ServiceTokens.GetServiceTokenAsync(a, token.Token.Id, ct);
        await h.ServiceTokens.UpdateServiceTokenAsync(a, token.Token.Id, new ServiceTokenRequest("agents-2", "8760h"), ct);
        await h.ServiceTokens.RefreshServiceTokenAsync(a, token.Token.Id, ct);
        await h.ServiceTokens.RotateServiceTokenAsync(a, token.Token.Id, ct);

        var policy = await h.Policies.CreateReusablePolicyAsync(a, new AccessPolicyRequest("members", "allow", [AccessRule.Group(group.Id)],
            Require: [AccessRule.EmailDomain("example.com")], Exclude: [AccessRule.Country("XX")], SessionDuration: "24h"), ct);
        await h.Policies.ListReusablePoliciesAsync(a, ct);
        await h.Policies.GetReusablePolicyAsync(a, policy.Id, ct);
        await h.Policies.UpdateReusablePolicyAsync(a, policy.Id, new AccessPolicyRequest("members", "allow", [AccessRule.Group(group.Id)]), ct);

        var app = await h.Apps.CreateAccessApplicationAsync(a, new AccessApplicationRequest
        {
            Name = "App", Domain = "app.example.com", SessionDuration = "24h", AppLauncherVisible = true, AllowedIdps = [idp.Id],
            AutoRedirectToIdentity = true, Policies = [AccessPolicyAttachment.Link(policy.Id, 1)],
        }, ct);
        await h.Apps.ListAccessApplicationsAsync(a, AccessApplicationQuery.All, ct);
        await h.Apps.GetAccessApplicationAsync(a, app.Id, ct);
        await h.Apps.UpdateAccessApplicationAsync(a, app.Id, new AccessApplicationRequest
        {
            Name = "App", Domain = "app.example.com", Policies = [AccessPolicyAttachment.Link(policy.Id, 1)],
        }, ct);
        var scoped = await h.Apps.CreateApplicationPolicyAsync(a, app.Id, new AccessPolicyRequest("svc", "non_identity", [AccessRule.ServiceToken(token.Token.Id)], Precedence: 2), ct);
        await h.Apps.ListApplicationPoliciesAsync(a, app.Id, ct);
        await h.Apps.GetApplicationPolicyAsync(a, app.Id, scoped.Id, ct);
        await h.Apps.UpdateApplicationPolicyAsync(a, app.Id, scoped.Id, new AccessPolicyRequest("svc", "non_identity", [AccessRule.AnyValidServiceToken()], Precedence: 2), ct);
        await h.Apps.DeleteApplicationPolicyAsync(a, app.Id, scoped.Id, ct);
        await h.Apps.DeleteAccessApplicationAsync(a, app.Id, ct);

        await h.Policies.DeleteReusablePolicyAsync(a, policy.Id, ct);
        await h.Groups.DeleteAccessGroupAsync(a, group.Id, ct);
        await h.ServiceTokens.DeleteServiceTokenAsync(a, token.Token.Id, ct);
        await h.IdentityProviders.DeleteIdentityProviderAsync(a, idp.Id, ct);
    }
}
