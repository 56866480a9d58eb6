using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary>
/// Creates, replaces, checks and deletes manual rules for the REST API and the web UI alike: a rule is checked for
/// its id and sizes, then validated by the engine, and only then stored; every change asks for a reconcile.
/// </summary>
internal sealed class ManualRuleEditor(ManualRuleStore rules, ManualRuleValidator validator, IReconcileTrigger trigger, TimeProvider clock)
{
    /// <summary>The rule the request makes (with a new id when it gives none) and what the engine says about it; nothing is stored.</summary>
    /// <exception cref="ReconcileException">The tunnels or zones cannot be listed now.</exception>
    public async Task<(ManualRule? Rule, ManualRuleCheck Check)> CheckAsync(string? id, ManualRuleRequest request, CancellationToken cancellationToken)
    {
        var ruleId = string.IsNullOrWhiteSpace(id) ? ManualRuleIds.New() : id.Trim();
        if (CheckRequest(ruleId, request) is { } incomplete)
        {
            return (null, new ManualRuleCheck(incomplete, [], []));
        }

        var rule = request.ToRule(ruleId, clock.GetUtcNow());
        return (rule, await validator.CheckAsync(rule, cancellationToken));
    }

    /// <summary>Stores a new rule (its id from the request, or a new one) unless it is invalid or the id is taken.</summary>
    /// <param name="request">The rule as asked for.</param>
    /// <param name="by">Who asks (<c>api</c>, <c>ui by alice</c>), for the reconcile's cause.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <exception cref="ReconcileException">The tunnels or zones cannot be listed now.</exception>
    public async Task<ManualRuleChange> CreateAsync(ManualRuleRequest request, string by, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(request.Id) ? ManualRuleIds.New() : request.Id.Trim();
        var (rule, check) = await CheckAsync(id, request, cancellationToken);
        if (check.Problem is { } problem)
        {
            return ManualRuleChange.Refused(problem);
        }

        var created = await rules.UpdateAsync(list =>
        {
            if (list.Exists(r => r.Id == id))
            {
                return (false, false);
            }

            list.Add(rule!);
            return (true, true);
        }, cancellationToken);
        if (!created)
        {
            return ManualRuleChange.Refused(new ManualRuleProblem(StatusCodes.Status409Conflict, "rule_exists",
                $"A manual rule with id '{id}' already exists: change that rule, or give this one another id."));
        }

        trigger.Request($"manual rule {id} created by {by}");
        return new ManualRuleChange(rule, null);
    }

    /// <summary>Replaces the rule <paramref name="id"/> (keeping its creation time) unless the new one is invalid or there is no such rule.</summary>
    /// <exception cref="ReconcileException">The tunnels or zones cannot be listed now.</exception>
    public async Task<ManualRuleChange> ReplaceAsync(string id, ManualRuleRequest request, string by, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Id) && request.Id.Trim() != id)
        {
            return ManualRuleChange.Refused(ManualRuleProblem.Invalid("id_mismatch",
                $"The body's id '{request.Id}' is not the id in the URL '{id}': a rule's id cannot change."));
        }

        var (rule, check) = await CheckAsync(id, request, cancellationToken);
        if (check.Problem is { } problem)
        {
            return ManualRuleChange.Refused(problem);
        }

        var replaced = await rules.UpdateAsync(list =>
        {
            var index = list.FindIndex(r => r.Id == id);
            if (index < 0)
            {
                return (false, (ManualRule?)null);
            }

            // The creation time orders manual rules that contest one route, so an edit keeps it.
            list[index] = rule! with { CreatedAt = list[index].CreatedAt ?? rule.CreatedAt };
            return (true, list[index]);
        }, cancellationToken);
        if (replaced is null)
        {
            return ManualRuleChange.Refused(ManualRuleProblem.NotFound(id));
        }

        trigger.Request($"manual rule {id} updated by {by}");
        return new ManualRuleChange(replaced, null);
    }

    /// <returns>Null when the rule was deleted, otherwise why not (there is no such rule).</returns>
    public async Task<ManualRuleProblem?> DeleteAsync(string id, string by, CancellationToken cancellationToken)
    {
        var deleted = await rules.UpdateAsync(list => list.RemoveAll(r => r.Id == id) > 0 ? (true, true) : (false, false), cancellationToken);
        if (!deleted)
        {
            return ManualRuleProblem.NotFound(id);
        }

        trigger.Request($"manual rule {id} deleted by {by}");
        return null;
    }

    private static ManualRuleProblem? CheckRequest(string id, ManualRuleRequest request)
    {
        if (id.Length > ManualRuleLimits.MaxIdLength)
        {
            return ManualRuleProblem.Invalid("invalid_id", $"'id' is {id.Length} characters long: {ManualRuleIds.Rule}.");
        }

        if (!ManualRuleIds.IsValid(id))
        {
            return ManualRuleProblem.Invalid("invalid_id", $"'{id}' is not a valid rule id: {ManualRuleIds.Rule}.");
        }

        if (ManualRuleLimits.Check(request) is { } tooLarge)
        {
            return tooLarge;
        }

        var missing = request.MissingFields();
        return missing.Count > 0
            ? ManualRuleProblem.Invalid("invalid_rule", $"The rule is not complete: a rule needs a tunnel, a hostname and a service, and this one has no {string.Join(", no ", missing)}.")
            : null;
    }
}
