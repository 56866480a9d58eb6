using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.State;

/// <summary>
/// An Access object (application, policy, group, identity provider) kept as the JSON the client sent plus
/// the server-side fields, so fields the emulator does not model still round-trip.
/// </summary>
internal sealed class AccessObjectState
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required JsonObject Body { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>For applications: the audience tag.</summary>
    public string? Aud { get; init; }

    /// <summary>For policies: the application an app-scoped policy belongs to; null for reusable ones.</summary>
    public string? AppId { get; init; }

    /// <summary>For applications: the attached policies (id, precedence) in order.</summary>
    public List<(string PolicyId, int Precedence)> PolicyLinks { get; set; } = [];
}
