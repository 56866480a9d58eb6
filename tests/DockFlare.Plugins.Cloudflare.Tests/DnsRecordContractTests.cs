namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>DNS records through the provider against the emulator.</summary>
public sealed class DnsRecordContractTests
{
    private const string TunnelId = "6f2f43ad-3c1e-4a0c-9d57-1c7a1ef0d4a1";

    [Fact]
    public async Task CreateDnsRecord_TunnelCname_IsProxiedWithAutomaticTtl()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var created = await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("app.example.com", TunnelId), CloudflareHarness.Ct);

        Assert.Equal(32, created.Id.Length);
        Assert.Equal(("CNAME", "app.example.com", $"{TunnelId}.cfargotunnel.com", true, 1),
            (created.Type, created.Name, created.Content, created.Proxied, created.Ttl));
        var read = await h.Dns.GetDnsRecordAsync(h.ZoneId, created.Id, CloudflareHarness.Ct);
        Assert.Equal((created.Id, created.Content, created.ModifiedOn), (read!.Id, read.Content, read.ModifiedOn));
    }

    [Fact]
    public async Task CreateDnsRecord_ProxiedWithExplicitTtl_SendsAndGetsTtlOne()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var created = await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "web", "198.51.100.1", Proxied: true, Ttl: 300), CloudflareHarness.Ct);

        Assert.Equal(1, created.Ttl);
        Assert.Equal("web.example.com", created.Name);
        Assert.Contains("\"ttl\":1", h.Requests.Single(r => r.Method == "POST").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDnsRecords_MoreThanOnePage_ReturnsEveryRecord()
    {
        // Pages of 5,000 (the API allows far more): a zone of 5,003 records is two reads, not eleven.
        var records = Enumerable.Range(1, 5003).Select(i => new DockFlare.CloudflareEmulator.SeedDnsRecord("TXT", $"r{i}", $"v{i}")).ToList();
        var options = Seeds.WithZoneRecords(records);
        await using var h = await CloudflareHarness.StartAsync(options);

        var all = await h.Dns.ListDnsRecordsAsync(h.ZoneId, DnsRecordQuery.All, CloudflareHarness.Ct);

        Assert.Equal(5003, all.Count);
        Assert.Equal(5003, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(2, h.Requests.Count(r => r.Path.EndsWith("/dns_records", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListDnsRecords_ByNameAndContent_FiltersOnTheServer()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("a.example.com", TunnelId), CloudflareHarness.Ct);
        await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("b.example.com", TunnelId), CloudflareHarness.Ct);

        var found = await h.Dns.ListDnsRecordsAsync(
            h.ZoneId, new DnsRecordQuery("CNAME", "A.example.com", $"{TunnelId}.cfargotunnel.com"), CloudflareHarness.Ct);

        Assert.Equal("a.example.com", Assert.Single(found).Name);
        Assert.Contains(h.Requests, r => r.Query.Contains("name=A.example.com", StringComparison.Ordinal) && r.Query.Contains("match=all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplaceDnsRecord_Repoint_ChangesContent()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("CNAME", "old", "gone.cfargotunnel.com"), CloudflareHarness.Ct);

        var replaced = await h.Dns.ReplaceDnsRecordAsync(h.ZoneId, created.Id, DnsRecordInput.TunnelCname("old.example.com", TunnelId), CloudflareHarness.Ct);

        Assert.Equal(created.Id, replaced.Id);
        Assert.Equal($"{TunnelId}.cfargotunnel.com", replaced.Content);
        Assert.True(replaced.Proxied);
    }

    [Fact]
    public async Task PatchDnsRecord_OnlyComment_KeepsTheRest()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("p.example.com", TunnelId), CloudflareHarness.Ct);

        var patched = await h.Dns.PatchDnsRecordAsync(h.ZoneId, created.Id, new DnsRecordPatch(Comment: "managed by dockflare"), CloudflareHarness.Ct);

        Assert.Equal("managed by dockflare", patched.Comment);
        Assert.Equal((created.Content, created.Proxied), (patched.Content, patched.Proxied));
        Assert.Equal("{\"comment\":\"managed by dockflare\"}", h.Requests.Single(r => r.Method == "PATCH").Body);
    }

    [Fact]
    public async Task DeleteDnsRecord_ExistingThenAgain_TrueThenFalse()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("d.example.com", TunnelId), CloudflareHarness.Ct);

        Assert.True(await h.Dns.DeleteDnsRecordAsync(h.ZoneId, created.Id, CloudflareHarness.Ct));
        Assert.False(await h.Dns.DeleteDnsRecordAsync(h.ZoneId, created.Id, CloudflareHarness.Ct));
        Assert.Null(await h.Dns.GetDnsRecordAsync(h.ZoneId, created.Id, CloudflareHarness.Ct));
    }

    [Theory]
    [InlineData(81057)]
    [InlineData(81058)]
    public async Task CreateDnsRecord_IdenticalRecord_ThrowsDuplicateIdentical(int code)
    {
        await using var h = await CloudflareHarness.StartAsync(new DockFlare.CloudflareEmulator.EmulatorOptions { IdenticalRecordCode = code });
        await h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("dup.example.com", TunnelId), CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("dup.example.com", TunnelId), CloudflareHarness.Ct));

        Assert.Equal(400, ex.StatusCode);
        Assert.True(ex.HasCode(code));
        Assert.True(ex.IsDnsDuplicate);
        Assert.True(ex.IsDnsIdenticalRecord);
        Assert.False(ex.IsTransient);
        Assert.Equal(2, h.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task CreateDnsRecord_CnameOverARecord_ThrowsDuplicateNotIdentical()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "nas", "198.51.100.7", Proxied: false), CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("nas.example.com", TunnelId), CloudflareHarness.Ct));

        Assert.True(ex.HasCode(81053));
        Assert.True(ex.IsDnsDuplicate);
        Assert.False(ex.IsDnsIdenticalRecord);
    }

    [Fact]
    public async Task CreateDnsRecord_SecondARecordWithOtherContent_IsAllowed()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "multi", "198.51.100.1", Proxied: false), CloudflareHarness.Ct);

        await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "multi", "198.51.100.2", Proxied: false), CloudflareHarness.Ct);

        Assert.Equal(2, (await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery(Name: "multi.example.com"), CloudflareHarness.Ct)).Count);
    }

    [Fact]
    public async Task GetDnsRecord_MalformedId_FailsBeforeAnyRequest()
    {
        await using var h = await CloudflareHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Dns.GetDnsRecordAsync(h.ZoneId, "None", CloudflareHarness.Ct));

        Assert.Empty(h.Requests);
    }
}
