namespace DockFlare.Plugins.Abstractions;

/// <summary>One change DockFlare applied to Cloudflare.</summary>
/// <param name="AppliedAt">When it was applied (the master's clock).</param>
/// <param name="Kind">What changed, such as <c>dns.create</c>, <c>ingress.update</c> or <c>access.delete</c>.</param>
/// <param name="Target">The object changed: a hostname, a tunnel name, an application name.</param>
/// <param name="Cause">Why: the container, host, manual rule or user behind the change.</param>
/// <param name="Before">The value before the change, if any; never a secret.</param>
/// <param name="After">The value after the change, if any; never a secret.</param>
public sealed record ChangeNotification(
    DateTimeOffset AppliedAt,
    string Kind,
    string Target,
    string Cause,
    string? Before,
    string? After);
