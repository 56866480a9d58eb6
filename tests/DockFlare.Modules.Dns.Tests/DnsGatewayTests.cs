using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Testing.Cloudflare;

namespace DockFlare.Modules.Dns.Tests;

public sealed class DnsGatewayTests
{
    private const string Tunnel = "0f5e3a8e-1c2b-4d5e-8f90-123456789abc";
    private const string Target = Tunnel + ".cfargotunnel.com";
    private static readonly CancellationToken Ct = CloudflareHarness.Ct;
    private static readonly string Marker = DnsOwnershipMarker.Format(DnsSandbox.Instance);
    private static readonly PlanCause Cause = new("test", []);

    [Fact]
    public async Task ReadAsync_ForeignRecordAndMarkerInAnotherZone_ReturnsBothAndIgnoresUnrelatedRecords()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var owned = await sandbox.AddRecordAsync("example.net", "CNAME", "old.example.net", Target, "note; " + Marker);
        await sandbox.AddRecordAsync("example.net", "CNAME", "theirs.example.net", Target, DnsOwnershipMarker.Format("inst-b"));
        var zones = await sandbox.Catalog.ListAsync(Ct);

        var records = await sandbox.Gateway.ReadAsync(["NAS.example.com.", "app.example.co.uk"], zones, DnsSandbox.Instance, Ct);

        Assert.Collection(
            records,
            r => Assert.Equal(new ObservedDnsRecord(r.Id, "example.com", "nas.example.com", "A", "198.51.100.7", false, null), r),
            r => Assert.Equal(new ObservedDnsRecord(owned.Id, "example.net", "old.example.net", "CNAME", Target, true, "note; " + Marker), r));
    }

    [Fact]
    public async Task ReadAsync_HundredsOfHostnames_ListsEachZoneOnce()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zones = await sandbox.Catalog.ListAsync(Ct);
        sandbox.Harness.Emulator.ClearRequests();
        var hostnames = Enumerable.Range(0, 300).Select(i => $"app{i}.example.com").Append("www.example.com").ToList();

        var records = await sandbox.Gateway.ReadAsync(hostnames, zones, DnsSandbox.Instance, Ct);

        Assert.Equal("www.example.com", Assert.Single(records).Name);
        var reads = sandbox.Harness.Requests.Where(r => r.Path.EndsWith("/dns_records", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reads.Count);
        Assert.Equal(3, reads.Select(r => r.Path).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_ScanZonesConfigured_ReadsOnlyZonesOfHostnamesDefaultZoneAndScanZones()
    {
        var options = new DnsOptions { ScanZoneNames = "example.net" };
        await using var sandbox = await DnsSandbox.StartAsync(options);
        await sandbox.AddRecordAsync("example.co.uk", "CNAME", "lost.example.co.uk", Target, Marker);
        var zones = await sandbox.Catalog.ListAsync(Ct);
        sandbox.Harness.Emulator.ClearRequests();

        var records = await sandbox.Gateway.ReadAsync(["nas.example.com"], zones, DnsSandbox.Instance, Ct);

        Assert.Equal("nas.example.com", Assert.Single(records).Name);
        var read = sandbox.Harness.Requests.Select(r => r.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ((string[])["example.com", "example.net"]).Select(z => $"/zones/{sandbox.Harness.Emulator.ZoneIds[z]}/dns_records").Order(StringComparer.Ordinal),
            read);
    }

    [Fact]
    public async Task ReadAsync_ScanZonesAndDefaultZoneConfigured_SweepsTheDefaultZoneForMarkers()
    {
        var options = new DnsOptions { ScanZoneNames = "example.net" };
        await using var sandbox = await DnsSandbox.StartAsync(options);
        options.DefaultZoneId = sandbox.Harness.Emulator.ZoneIds["example.co.uk"];
        var lost = await sandbox.AddRecordAsync("example.co.uk", "CNAME", "lost.example.co.uk", Target, Marker);
        var zones = await sandbox.Catalog.ListAsync(Ct);

        var records = await sandbox.Gateway.ReadAsync(["nas.example.com"], zones, DnsSandbox.Instance, Ct);

        Assert.Equal([("example.co.uk", lost.Id), ("example.com", records[1].Id)], records.Select(r => (r.Zone, r.Id)));
        Assert.Equal("nas.example.com", records[1].Name);
    }

    [Fact]
    public async Task ReadAsync_ZoneFails_ThrowsReconcileExceptionNamingTheZone()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zones = await sandbox.Catalog.ListAsync(Ct);
        var netId = sandbox.Harness.Emulator.ZoneIds["example.net"];
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = $"^/zones/{netId}/dns_records$", Status = 502, Count = 0 });

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => sandbox.Gateway.ReadAsync(["app.example.net"], zones, DnsSandbox.Instance, Ct));

        Assert.Contains("DNS records of zone example.net", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_HostnameInSecondZone_PostsProxiedCnameWithFullNameAndMarkerToThatZone()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.net");

        var id = await sandbox.Gateway.CreateAsync(Create("example.net", "app.example.net"), zone, Ct);

        var post = Assert.Single(sandbox.Harness.Requests);
        Assert.Equal(("POST", $"/zones/{zone.Id}/dns_records"), (post.Method, post.Path));
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal("CNAME", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("app.example.net", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(Target, body.RootElement.GetProperty("content").GetString());
        Assert.True(body.RootElement.GetProperty("proxied").GetBoolean());
        Assert.Equal(1, body.RootElement.GetProperty("ttl").GetInt32());
        Assert.Equal(Marker, body.RootElement.GetProperty("comment").GetString());
        var stored = await sandbox.Harness.Dns.GetDnsRecordAsync(zone.Id, id, Ct);
        Assert.Equal("app.example.net", stored!.Name);
    }

    [Fact]
    public async Task CreateAsync_HostnameOutsideTheZone_ThrowsWithoutCallingCloudflare()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        var ex = await Assert.ThrowsAsync<ReconcileException>(
            () => sandbox.Gateway.CreateAsync(Create("example.com", "app.example.net"), sandbox.Zone("example.com"), Ct));

        Assert.Equal("Cannot create the DNS record for app.example.net in zone example.com: the hostname is not inside that zone.", ex.Message);
        Assert.Empty(sandbox.Harness.Requests);
    }

    [Fact]
    public async Task CreateAsync_ForeignARecordAtTheName_ThrowsConflictNamingTheHostname()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        var ex = await Assert.ThrowsAsync<ReconcileConflictException>(
            () => sandbox.Gateway.CreateAsync(Create("example.com", "nas.example.com"), sandbox.Zone("example.com"), Ct));

        Assert.Contains("nas.example.com", ex.Message, StringComparison.Ordinal);
        Assert.Contains("81053", ex.Message, StringComparison.Ordinal);
        var records = await sandbox.Harness.Dns.ListDnsRecordsAsync(sandbox.Zone("example.com").Id, new(Name: "nas.example.com"), Ct);
        Assert.Equal("A", Assert.Single(records).Type);
    }

    [Theory]
    [InlineData(81057)]
    [InlineData(81058)]
    public async Task CreateAsync_IdenticalRecordExists_ThrowsConflict(int code)
    {
        await using var sandbox = await DnsSandbox.StartAsync(emulator: new EmulatorOptions { Seed = DnsSandbox.Seed, IdenticalRecordCode = code });
        await sandbox.AddRecordAsync("example.com", "CNAME", "app.example.com", Target, Marker);

        var ex = await Assert.ThrowsAsync<ReconcileConflictException>(
            () => sandbox.Gateway.CreateAsync(Create("example.com", "app.example.com"), sandbox.Zone("example.com"), Ct));

        Assert.Contains("app.example.com", ex.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, 971)]
    [InlineData(500, 10001)]
    public async Task CreateAsync_CloudflareFails_ThrowsReconcileExceptionWithHostnameZoneAndCode(int status, int code)
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.net");
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "POST", Path = "/dns_records$", Status = status, Code = code, Message = "injected", Count = 0 });

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => sandbox.Gateway.CreateAsync(Create("example.net", "app.example.net"), zone, Ct));

        Assert.IsNotType<ReconcileConflictException>(ex);
        Assert.Contains("app.example.net in zone example.net", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Cloudflare error {code}: injected", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Harness.Emulator.Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_OwnedRecordPointingElsewhere_ReplacesItWithTheSpec()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.co.uk");
        var old = await sandbox.AddRecordAsync("example.co.uk", "CNAME", "app.example.co.uk", "old-tunnel.cfargotunnel.com", Marker);
        var before = new ObservedDnsRecord(old.Id, zone.Name, old.Name, old.Type, old.Content, old.Proxied, old.Comment);
        var spec = new DnsRecordSpec(zone.Name, "app.example.co.uk", Target, Marker);

        await sandbox.Gateway.UpdateAsync(new DnsUpdateOperation(before, spec, Cause), zone, Ct);

        var put = Assert.Single(sandbox.Harness.Requests);
        Assert.Equal(("PUT", $"/zones/{zone.Id}/dns_records/{old.Id}"), (put.Method, put.Path));
        var stored = await sandbox.Harness.Dns.GetDnsRecordAsync(zone.Id, old.Id, Ct);
        Assert.True(spec.IsSatisfiedBy(new ObservedDnsRecord(stored!.Id, zone.Name, stored.Name, stored.Type, stored.Content, stored.Proxied, stored.Comment)));
    }

    [Fact]
    public async Task UpdateAsync_RecordDeletedMeanwhile_ThrowsConflict()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.com");
        var before = new ObservedDnsRecord("0123456789abcdef0123456789abcdef", zone.Name, "app.example.com", "CNAME", "x.cfargotunnel.com", true, Marker);

        var ex = await Assert.ThrowsAsync<ReconcileConflictException>(
            () => sandbox.Gateway.UpdateAsync(new DnsUpdateOperation(before, Spec("example.com", "app.example.com"), Cause), zone, Ct));

        Assert.Contains("app.example.com", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_ExistingRecord_RemovesIt()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.com");
        var record = await sandbox.AddRecordAsync("example.com", "CNAME", "app.example.com", Target, Marker);

        await sandbox.Gateway.DeleteAsync(Delete(zone, record.Id), zone, Ct);

        var call = Assert.Single(sandbox.Harness.Requests);
        Assert.Equal(("DELETE", $"/zones/{zone.Id}/dns_records/{record.Id}"), (call.Method, call.Path));
        Assert.Null(await sandbox.Harness.Dns.GetDnsRecordAsync(zone.Id, record.Id, Ct));
    }

    [Fact]
    public async Task DeleteAsync_RecordAlreadyGone_Succeeds()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.com");
        var record = await sandbox.AddRecordAsync("example.com", "CNAME", "app.example.com", Target, Marker);
        await sandbox.Gateway.DeleteAsync(Delete(zone, record.Id), zone, Ct);

        await sandbox.Gateway.DeleteAsync(Delete(zone, record.Id), zone, Ct);

        Assert.Equal([200, 404], sandbox.Harness.Requests.Where(r => r.Method == "DELETE").Select(r => r.Status));
    }

    [Fact]
    public async Task DeleteAsync_ServerError_ThrowsReconcileException()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        var zone = sandbox.Zone("example.com");
        var record = await sandbox.AddRecordAsync("example.com", "CNAME", "app.example.com", Target, Marker);
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "DELETE", Status = 503, Count = 0 });

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => sandbox.Gateway.DeleteAsync(Delete(zone, record.Id), zone, Ct));

        Assert.Contains("Deleting the DNS record for app.example.com in zone example.com failed: HTTP 503", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(await sandbox.Harness.Dns.GetDnsRecordAsync(zone.Id, record.Id, Ct));
    }

    private static DnsRecordSpec Spec(string zone, string name) => new(zone, name, Target, Marker);

    private static DnsCreateOperation Create(string zone, string name) => new(Spec(zone, name), Cause);

    private static DnsDeleteOperation Delete(KnownZone zone, string id) =>
        new(new ObservedDnsRecord(id, zone.Name, "app." + zone.Name, "CNAME", Target, true, Marker), Cause);
}
