using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>One destination of an Access application (newer replacement of <c>self_hosted_domains</c>).</summary>
/// <param name="Type"><c>public</c> (a URI) or <c>private</c> (a network destination).</param>
/// <param name="Uri">For public destinations: <c>host[/path]</c>, such as <c>app.example.com/admin</c>.</param>
/// <param name="Hostname">For private destinations: a host name.</param>
/// <param name="Cidr">For private destinations: an address range.</param>
public sealed record AccessDestination(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("uri")] string? Uri = null,
    [property: JsonPropertyName("hostname")] string? Hostname = null,
    [property: JsonPropertyName("cidr")] string? Cidr = null)
{
    /// <summary>A public destination.</summary>
    public static AccessDestination Public(string uri) => new("public", uri);
}
