using System.Collections.Frozen;

namespace DockFlare.Core.Access;

/// <summary>
/// The Cloudflare Access rule types DockFlare accepts in a policy's include, exclude or require: one list for the
/// <c>access.custom_rules</c> label and for Access groups, so both refuse the same typos.
/// </summary>
public static class AccessRuleKinds
{
    /// <summary>Every accepted rule type (the key of a rule object, such as <c>email</c>).</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        "everyone", "email", "email_domain", "email_list", "ip", "ip_list", "group", "service_token", "any_valid_service_token",
        "geo", "auth_method", "device_posture", "certificate", "common_name", "login_method", "azureAD", "gsuite", "okta",
        "saml", "github-organization", "external_evaluation", "auth_context", "oidc", "linked_app_token", "user_risk_score",
        "cloudflare_account_member",
    }.ToFrozenSet(StringComparer.Ordinal);
}
