namespace DockFlare.Core.Engine;

/// <summary>The identity of a route: its normalised hostname and the emitted path expression ("" for none).</summary>
/// <param name="Hostname">The normalised hostname (lower-case ASCII, punycode).</param>
/// <param name="Path">The path expression as written into the ingress rule, or "" for the whole host.</param>
public readonly record struct RouteKey(string Hostname, string Path)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Hostname : Hostname + " " + Path;
}
