using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Validation and rendering of Access policies, reusable and application-scoped alike.</summary>
internal static class AccessPolicyRules
{
    private static readonly string[] Decisions = ["allow", "deny", "non_identity", "bypass"];
    private static readonly string[] ServerFields = ["id", "created_at", "updated_at", "reusable", "app_count", "precedence", "uid"];

    /// <summary>Validates a policy body and returns what is stored (server-side fields removed).</summary>
    public static JsonObject Validate(EmulatorStore store, string accountId, JsonObject body)
    {
        if (JsonBody.String(body, "name", 12000) is not { Length: > 0 })
        {
            throw AccessErrors.Invalid("name is required");
        }

        if (JsonBody.String(body, "decision", 12000) is not { } decision || !Decisions.Contains(decision))
        {
            throw AccessErrors.Invalid("decision must be one of allow, deny, non_identity, bypass");
        }

        AccessRuleValidator.CheckRules(store, accountId, body, "include", required: true);
        AccessRuleValidator.CheckRules(store, accountId, body, "exclude", required: false);
        AccessRuleValidator.CheckRules(store, accountId, body, "require", required: false);
        if (body["session_duration"] is not null && !GoDuration.TryParse(JsonBody.String(body, "session_duration", 12000), out _))
        {
            throw AccessErrors.Invalid("session_duration must be a duration such as 24h or 30m");
        }

        var stored = (JsonObject)body.DeepClone();
        foreach (var field in ServerFields)
        {
            stored.Remove(field);
        }

        return stored;
    }

    public static JsonObject Render(EmulatorStore store, AccessObjectState policy, int? precedence = null)
    {
        var json = (JsonObject)policy.Body.DeepClone();
        json["id"] = policy.Id;
        json["exclude"] ??= new JsonArray();
        json["require"] ??= new JsonArray();
        json["reusable"] = policy.AppId is null;
        json["created_at"] = Timestamps.Format(policy.CreatedAt);
        json["updated_at"] = Timestamps.Format(policy.UpdatedAt);
        if (policy.AppId is null)
        {
            json["app_count"] = store.Apps.Values.Count(a => a.PolicyLinks.Any(l => string.Equals(l.PolicyId, policy.Id, StringComparison.OrdinalIgnoreCase)));
        }

        if (precedence is { } p)
        {
            json["precedence"] = p;
        }

        return json;
    }
}
