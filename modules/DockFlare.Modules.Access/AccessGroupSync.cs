using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Access;

/// <summary>
/// Keeps one reusable Cloudflare Access policy per DockFlare Access group. Only policies recorded as
/// owned (<see cref="OwnedObjectKind.AccessPolicy"/>) are ever changed; a same-named policy DockFlare
/// did not create makes that group unavailable. Writes happen only when the live policy differs.
/// </summary>
internal sealed partial class AccessGroupSync
{
    private readonly ICloudflareAccessPolicies _policies;
    private readonly ICloudflareAccounts _accounts;
    private readonly ICloudflareIdentityProviders _identityProviders;
    private readonly IStateStore _state;
    private readonly AccessGroupStore _store;
    private readonly CloudflareAccount _account;
    private readonly AccessOptions _options;
    private readonly ILogger<AccessGroupSync> _logger;
    private readonly TimeProvider _time;
    private AccessGroupSnapshot? _latest;
    private AuthenticatedLookup? _authenticated;

    /// <summary>
    /// How long the built-in authenticated group's inputs (identity providers, account members) are reused: a burst of
    /// container events then costs two account reads a minute, not two per pass. Shorter than the periodic reconcile
    /// (at least 60 s), so a member removed in Cloudflare leaves the group no later than it did before.
    /// </summary>
    public static readonly TimeSpan AuthenticatedLookupLifetime = TimeSpan.FromSeconds(60);

    public AccessGroupSync(
        ICloudflareAccessPolicies policies,
        ICloudflareAccounts accounts,
        ICloudflareIdentityProviders identityProviders,
        IStateStore state,
        AccessGroupStore store,
        CloudflareAccount account,
        AccessOptions options,
        ILogger<AccessGroupSync> logger,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _policies = policies;
        _accounts = accounts;
        _identityProviders = identityProviders;
        _state = state;
        _store = store;
        _account = account;
        _options = options;
        _logger = logger;
    }

    /// <summary>What the last pass of this process synced (null before the first): cheap, for showing sync state.</summary>
    public AccessGroupSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>The last synced snapshot, or a read-only resolution (no writes) when none was made yet.</summary>
    public async Task<AccessGroupSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _latest) ?? await ResolveAsync(write: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates or updates every group's policy and returns what is usable.</summary>
    public async Task<AccessGroupSnapshot> EnsureAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ResolveAsync(write: true, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _latest, snapshot);
        return snapshot;
    }

    private async Task<AccessGroupSnapshot> ResolveAsync(bool write, CancellationToken cancellationToken)
    {
        var accountId = _account.RequireId();
        var candidates = new List<AccessGroupDefinition> { AccessGroupCatalog.Bypass() };
        var unavailable = new Dictionary<string, AccessGroupUnavailable>(StringComparer.Ordinal);
        var (authenticated, missing) = await AuthenticatedAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (authenticated is not null)
        {
            candidates.Add(authenticated);
        }
        else
        {
            unavailable[AccessGroupCatalog.AuthenticatedGroup] = new AccessGroupUnavailable(AccessGroupCatalog.AuthenticatedPlaceholder(), missing!);
        }

        candidates.AddRange(await _store.ListAsync(cancellationToken).ConfigureAwait(false));
        var valid = new List<AccessGroupDefinition>();
        foreach (var group in candidates)
        {
            if (AccessGroupValidator.Check(group) is { } problem)
            {
                LogGroupRejected(group.Id, problem);
                unavailable[group.Id] = new AccessGroupUnavailable(group, problem);
            }
            else
            {
                valid.Add(group);
            }
        }

        if (!_options.UseReusablePolicies)
        {
            // Groups are copied into each application as inline policies; no reusable policy is made.
            return new AccessGroupSnapshot(valid.ToDictionary(g => g.Id, StringComparer.Ordinal), new Dictionary<string, string>()) { Unavailable = unavailable };
        }

        var live = await Call(() => _policies.ListReusablePoliciesAsync(accountId, cancellationToken), "list reusable Access policies").ConfigureAwait(false);
        var owned = (await _state.ListOwnershipAsync(OwnedObjectKind.AccessPolicy, cancellationToken).ConfigureAwait(false))
            .Select(r => r.CloudflareId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var usable = new Dictionary<string, AccessGroupDefinition>(StringComparer.Ordinal);
        var policyIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in valid)
        {
            var sameName = live.Where(p => string.Equals(p.Name, group.PolicyName, StringComparison.Ordinal)).ToList();
            var mine = sameName.FirstOrDefault(p => owned.Contains(p.Id));
            string? policyId;
            if (mine is not null)
            {
                policyId = mine.Id;
                if (write && !group.IsEnforcedBy(mine))
                {
                    await Call(() => _policies.UpdateReusablePolicyAsync(accountId, mine.Id, group.ToPolicyRequest(), cancellationToken),
                        $"update the Access policy of group '{group.Id}'").ConfigureAwait(false);
                    LogPolicyUpdated(group.Id, mine.Id);
                }
            }
            else if (sameName.Count > 0)
            {
                LogForeignPolicy(group.Id, group.PolicyName, sameName[0].Id);
                unavailable[group.Id] = new AccessGroupUnavailable(group,
                    $"Cloudflare policy '{group.PolicyName}' ({sameName[0].Id}) exists but DockFlare did not create it, so it is left alone");
                continue;
            }
            else if (write)
            {
                var created = await Call(() => _policies.CreateReusablePolicyAsync(accountId, group.ToPolicyRequest(), cancellationToken),
                    $"create the Access policy of group '{group.Id}'").ConfigureAwait(false);
                await _state.PutOwnershipAsync(
                    new OwnershipRecord(OwnedObjectKind.AccessPolicy, created.Id, accountId, null, null, null, DateTimeOffset.UtcNow, "access group " + group.Id),
                    cancellationToken).ConfigureAwait(false);
                LogPolicyCreated(group.Id, created.Id);
                policyId = created.Id;
            }
            else
            {
                continue;
            }

            usable[group.Id] = group;
            policyIds[group.Id] = policyId;
        }

        if (write)
        {
            await ForgetOrphansAsync(accountId, live, owned, valid, cancellationToken).ConfigureAwait(false);
        }

        return new AccessGroupSnapshot(usable, policyIds) { Unavailable = unavailable };
    }

    // Our policies whose group is gone: deleted once no application uses them (Cloudflare refuses
    // before that). Records of policies deleted outside DockFlare are dropped.
    private async Task ForgetOrphansAsync(
        string accountId, IReadOnlyList<AccessPolicy> live, HashSet<string> owned, List<AccessGroupDefinition> groups, CancellationToken cancellationToken)
    {
        var liveIds = live.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in owned.Where(id => !liveIds.Contains(id)).Order(StringComparer.Ordinal))
        {
            await _state.RemoveOwnershipAsync(OwnedObjectKind.AccessPolicy, id, cancellationToken).ConfigureAwait(false);
        }

        var names = groups.Select(g => g.PolicyName).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in live.Where(p => owned.Contains(p.Id) && !names.Contains(p.Name) && p.AppCount is 0).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            await Call(() => _policies.DeleteReusablePolicyAsync(accountId, orphan.Id, cancellationToken),
                $"delete the unused Access policy {orphan.Id}").ConfigureAwait(false);
            await _state.RemoveOwnershipAsync(OwnedObjectKind.AccessPolicy, orphan.Id, cancellationToken).ConfigureAwait(false);
            LogPolicyDeleted(orphan.Name, orphan.Id);
        }
    }

    // authenticated-default needs the one-time PIN provider and the account members' e-mails; without
    // them the group does not exist and routes asking for it are not published (fail closed).
    private async Task<(AccessGroupDefinition? Group, string? Missing)> AuthenticatedAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _authenticated) is { } cached && cached.AccountId == accountId && now - cached.At < AuthenticatedLookupLifetime)
        {
            return (cached.Group, cached.Missing);
        }

        var (group, missing) = await LookUpAuthenticatedAsync(accountId, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _authenticated, new AuthenticatedLookup(accountId, now, group, missing));
        return (group, missing);
    }

    // A transient failure throws and is not remembered: the next pass asks again.
    private async Task<(AccessGroupDefinition? Group, string? Missing)> LookUpAuthenticatedAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            var idps = await _identityProviders.ListIdentityProvidersAsync(accountId, cancellationToken).ConfigureAwait(false);
            var pin = idps.Where(i => i.Type == "onetimepin").OrderBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault();
            var members = await _accounts.ListAccountMembersAsync(accountId, cancellationToken).ConfigureAwait(false);
            var emails = members.Where(m => !string.Equals(m.Status, "pending", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Email))
                .Select(m => m.Email.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (pin is null || emails.Count == 0)
            {
                var reason = pin is null ? "the account has no one-time PIN identity provider" : "the account has no member e-mail";
                LogAuthenticatedUnavailable(reason);
                return (null, reason);
            }

            return (AccessGroupCatalog.Authenticated(pin.Id, emails), null);
        }
        catch (CloudflareApiException ex) when (!ex.IsTransient)
        {
            // A token without Account Settings Read gets 403 on members: expected, and it disables the group.
            var reason = CloudflareFailure.Describe(ex);
            LogAuthenticatedUnavailable(reason);
            return (null, reason);
        }
        catch (CloudflareApiException ex)
        {
            throw new ReconcileException($"Could not read identity providers or members for the Access group '{AccessGroupCatalog.AuthenticatedGroup}': {CloudflareFailure.Describe(ex)}", ex);
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (CloudflareApiException ex)
        {
            throw new ReconcileException($"Could not {what}: {CloudflareFailure.Describe(ex)}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Access group {GroupId} is not synced and cannot be used: {Problem}")]
    private partial void LogGroupRejected(string groupId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access group {GroupId} is unavailable: Cloudflare policy {PolicyName} ({PolicyId}) exists but DockFlare did not create it, so it is left alone (conflict)")]
    private partial void LogForeignPolicy(string groupId, string policyName, string policyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created reusable Access policy {PolicyId} for group {GroupId}")]
    private partial void LogPolicyCreated(string groupId, string policyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated reusable Access policy {PolicyId} of group {GroupId}")]
    private partial void LogPolicyUpdated(string groupId, string policyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted reusable Access policy {PolicyName} ({PolicyId}): its Access group no longer exists and no application uses it")]
    private partial void LogPolicyDeleted(string policyName, string policyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access group authenticated-default is unavailable: {Reason}; routes using it are not published")]
    private partial void LogAuthenticatedUnavailable(string reason);

    private sealed record AuthenticatedLookup(string AccountId, DateTimeOffset At, AccessGroupDefinition? Group, string? Missing);
}
