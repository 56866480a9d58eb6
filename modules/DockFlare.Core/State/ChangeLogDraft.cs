namespace DockFlare.Core.State;

/// <summary>A change to record; the store assigns its sequence number.</summary>
/// <param name="At">When the change was applied.</param>
/// <param name="Kind">What kind of change (for example <c>dns.create</c>, <c>ingress.update</c>).</param>
/// <param name="Target">What was changed (a hostname, a tunnel, an object id).</param>
/// <param name="Cause">Why: the container, host, rule or user behind it.</param>
/// <param name="Before">The value before the change (usually JSON), or null when it was created.</param>
/// <param name="After">The value after the change (usually JSON), or null when it was deleted.</param>
public sealed record ChangeLogDraft(DateTimeOffset At, string Kind, string Target, string Cause, string? Before, string? After);
