using DockFlare.Core.Engine;

namespace DockFlare.Host.Api;

/// <summary>The body of <c>POST /api/v2/rules</c> and <c>PUT /api/v2/rules/{id}</c>; every field is optional here so that a missing one gets a named error.</summary>
internal sealed record ManualRuleRequest
{
    public string? Id { get; init; }

    public string? Tunnel { get; init; }

    public string? Hostname { get; init; }

    public string? Service { get; init; }

    public string? Path { get; init; }

    public string? ZoneName { get; init; }

    public IReadOnlyDictionary<string, string>? OriginOptions { get; init; }

    public IReadOnlyDictionary<string, string>? AccessOptions { get; init; }

    /// <summary>The names of the required fields that are missing or blank.</summary>
    public IReadOnlyList<string> MissingFields() =>
    [
        .. new[] { ("tunnel", Tunnel), ("hostname", Hostname), ("service", Service) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => f.Item1),
    ];

    public ManualRule ToRule(string id, DateTimeOffset createdAt) => new(id, Tunnel!.Trim(), Hostname!.Trim(), Service!.Trim())
    {
        Path = string.IsNullOrEmpty(Path) ? null : Path,
        ZoneName = string.IsNullOrWhiteSpace(ZoneName) ? null : ZoneName.Trim(),
        OriginOptions = OriginOptions,
        AccessOptions = AccessOptions,
        CreatedAt = createdAt,
    };
}
