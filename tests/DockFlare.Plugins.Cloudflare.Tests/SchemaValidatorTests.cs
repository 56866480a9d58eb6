using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The schema validator itself catches what it claims to, so a passing conformance test means something.</summary>
public sealed class SchemaValidatorTests
{
    private static JsonElement Schema(string reference) => OpenApiSubset.Resolve(reference);

    [Fact]
    public void Validate_DnsRecordWithUnknownType_Fails()
    {
        using var record = JsonDocument.Parse("{\"id\":\"0123456789abcdef0123456789abcdef\",\"type\":\"BOGUS\",\"name\":\"a\",\"content\":\"x\",\"proxiable\":true,\"created_on\":\"2026-01-01T00:00:00Z\",\"modified_on\":\"2026-01-01T00:00:00Z\"}");

        Assert.NotEmpty(SchemaValidator.Validate(Schema("#/components/schemas/dns-records_dns-record"), record.RootElement, request: false));
    }

    [Fact]
    public void Validate_DnsCreateBodyWithoutReadOnlyFields_PassesInRequestModeOnly()
    {
        using var body = JsonDocument.Parse("{\"type\":\"CNAME\",\"name\":\"a.example.com\",\"content\":\"t.cfargotunnel.com\",\"ttl\":1,\"proxied\":true}");
        var schema = Schema("#/components/schemas/dns-records_dns-record");

        Assert.Empty(SchemaValidator.Validate(schema, body.RootElement, request: true));
        Assert.NotEmpty(SchemaValidator.Validate(schema, body.RootElement, request: false));
    }

    [Fact]
    public void Validate_WrongTypesAndDates_AreReported()
    {
        using var tunnel = JsonDocument.Parse("{\"id\":42,\"created_at\":\"yesterday\"}");

        var errors = SchemaValidator.Validate(Schema("#/components/schemas/tunnel_cfd_tunnel"), tunnel.RootElement, request: false);

        Assert.Contains(errors, e => e.Contains("$.id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not a date-time", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenApiSubset_SharedFolder_HoldsTheOfficialSchemaWith54Operations()
    {
        var operations = OpenApiSubset.Root.GetProperty("paths").EnumerateObject()
            .Sum(p => p.Value.EnumerateObject().Count(m => m.Name != "parameters"));

        Assert.Equal(54, operations);
    }
}
