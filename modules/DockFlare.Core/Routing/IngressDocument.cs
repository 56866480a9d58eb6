using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Core.Routing;

/// <summary>
/// The desired ingress of one tunnel: rules ordered so that none is shadowed by an earlier
/// one, ending with exactly one <c>http_status:404</c> catch-all.
/// </summary>
/// <param name="Tunnel">The tunnel key.</param>
/// <param name="Rules">The ordered rules, catch-all last.</param>
public sealed record IngressDocument(string Tunnel, IReadOnlyList<IngressRule> Rules)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The <c>config</c> object for <c>PUT …/cfd_tunnel/{id}/configurations</c>: <c>{"ingress":[…]}</c>.</summary>
    public string ToConfigJson() => JsonSerializer.Serialize(new { ingress = Rules }, JsonOptions);
}
