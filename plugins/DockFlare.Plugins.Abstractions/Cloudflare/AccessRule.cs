using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// One Access rule (an item of <c>include</c>, <c>exclude</c> or <c>require</c>): a single-key JSON object
/// such as <c>{"email":{"email":"a@b.com"}}</c>. Kinds Cloudflare adds later pass through unchanged.
/// </summary>
/// <param name="Kind">The rule kind (the object's one key), such as <c>email</c>, <c>group</c> or <c>everyone</c>.</param>
/// <param name="Body">The rule's parameters (the value under <paramref name="Kind"/>).</param>
[JsonConverter(typeof(AccessRuleJsonConverter))]
public sealed record AccessRule(string Kind, JsonElement Body)
{
    /// <summary>Matches everyone.</summary>
    public static AccessRule Everyone() => Of("everyone", new Dictionary<string, string>());

    /// <summary>Matches one e-mail address.</summary>
    public static AccessRule Email(string email) => Of("email", new Dictionary<string, string> { ["email"] = email });

    /// <summary>Matches every address of an e-mail domain.</summary>
    public static AccessRule EmailDomain(string domain) => Of("email_domain", new Dictionary<string, string> { ["domain"] = domain });

    /// <summary>Matches an IP address or CIDR range.</summary>
    public static AccessRule Ip(string cidr) => Of("ip", new Dictionary<string, string> { ["ip"] = cidr });

    /// <summary>Matches members of an Access group.</summary>
    public static AccessRule Group(string groupId) => Of("group", new Dictionary<string, string> { ["id"] = groupId });

    /// <summary>Matches one service token.</summary>
    public static AccessRule ServiceToken(string tokenId) => Of("service_token", new Dictionary<string, string> { ["token_id"] = tokenId });

    /// <summary>Matches any valid service token.</summary>
    public static AccessRule AnyValidServiceToken() => Of("any_valid_service_token", new Dictionary<string, string>());

    /// <summary>Matches requests from a country (ISO code).</summary>
    public static AccessRule Country(string countryCode) => Of("geo", new Dictionary<string, string> { ["country_code"] = countryCode });

    /// <summary>Matches users who logged in through one identity provider.</summary>
    public static AccessRule LoginMethod(string identityProviderId) => Of("login_method", new Dictionary<string, string> { ["id"] = identityProviderId });

    /// <summary>Matches an authentication method reference, such as <c>mfa</c>.</summary>
    public static AccessRule AuthMethod(string method) => Of("auth_method", new Dictionary<string, string> { ["auth_method"] = method });

    /// <summary>Equal when the kind and the JSON body are the same.</summary>
    public bool Equals(AccessRule? other) =>
        other is not null && string.Equals(Kind, other.Kind, StringComparison.Ordinal) && JsonElement.DeepEquals(Body, other.Body);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Kind);

    /// <summary>The rule as Cloudflare's JSON.</summary>
    public override string ToString() => $"{{\"{Kind}\":{Body.GetRawText()}}}";

    private static AccessRule Of(string kind, Dictionary<string, string> body) =>
        new(kind, JsonSerializer.SerializeToElement(body, AccessRuleJsonConverter.BodyTypeInfo));
}
