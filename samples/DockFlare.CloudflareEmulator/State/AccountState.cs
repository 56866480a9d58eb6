namespace DockFlare.CloudflareEmulator.State;

/// <summary>An emulated account.</summary>
internal sealed class AccountState
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>Whether Zero Trust is set up; when false every <c>/access/*</c> call answers 403/9999.</summary>
    public bool AccessEnabled { get; set; } = true;

    public List<string> MemberEmails { get; init; } = [];
}
