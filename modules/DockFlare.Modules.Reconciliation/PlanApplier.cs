using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Executes a plan in its order through the gateways, records ownership of what it creates and
/// writes every applied change to the change log. Fail closed: when an Access application cannot
/// be created or updated, no ingress is written in this pass (the caller plans again without that
/// hostname); when an ingress write fails, no DNS record or Access application is deleted, since
/// the rules that depended on them may still be live.
/// </summary>
internal sealed class PlanApplier(
    IIngressGateway ingress,
    IDnsGateway dns,
    IAccessGateway access,
    IStateStore store,
    TimeProvider time,
    ILogger<PlanApplier> log)
{
    public async Task<ApplyResult> ApplyAsync(Plan plan, ReconcilePass pass, string trigger, CancellationToken cancellationToken)
    {
        var applied = 0;
        var errors = new List<string>();
        var failedAccess = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failedTunnels = new HashSet<string>(StringComparer.Ordinal);
        var replan = false;
        foreach (var operation in plan.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (failedAccess.Count > 0 && operation is not (AccessCreateOperation or AccessUpdateOperation))
            {
                break; // plan again without the hostnames whose Access failed, before anything routes traffic
            }

            if (replan)
            {
                break;
            }

            if (Skip(operation, failedTunnels, pass) is { } reason)
            {
                errors.Add($"{operation.Describe()}: skipped, {reason}");
                continue;
            }

            try
            {
                await ExecuteAsync(operation, pass, trigger, cancellationToken).ConfigureAwait(false);
                applied++;
            }
            catch (ReconcileConflictException conflict)
            {
                log.LogInformation("The live state changed under the plan ({Reason}); planning again", conflict.Message);
                replan = true;
            }
            catch (Exception exception) when (exception is ReconcileException or CloudflareApiException or HttpRequestException or TimeoutException
                                                  || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var message = exception.Message;
                errors.Add($"{operation.Describe()}: {message}");
                log.LogWarning("Failed: {Operation}: {Error}", operation.Describe(), message);
                switch (operation)
                {
                    case AccessCreateOperation create:
                        failedAccess[create.After.Domain] = message;
                        break;
                    case AccessUpdateOperation update:
                        failedAccess[update.After.Domain] = message;
                        break;
                    case IngressPutOperation put:
                        failedTunnels.Add(put.Tunnel);
                        break;
                }
            }
        }

        return new ApplyResult(applied, errors, failedAccess, replan || failedAccess.Count > 0);
    }

    private static string? Skip(PlanOperation operation, HashSet<string> failedTunnels, ReconcilePass pass)
    {
        if (failedTunnels.Count == 0)
        {
            return null;
        }

        return operation switch
        {
            DnsDeleteOperation or AccessDeleteOperation => "an ingress write failed, so the rules that use it may still be live",
            DnsCreateOperation create when PointsAtFailed(create.After.Content, failedTunnels, pass) => "the ingress write of its tunnel failed",
            DnsUpdateOperation update when PointsAtFailed(update.After.Content, failedTunnels, pass) => "the ingress write of its tunnel failed",
            _ => null,
        };
    }

    private static bool PointsAtFailed(string target, HashSet<string> failedTunnels, ReconcilePass pass) =>
        failedTunnels.Any(name => pass.TunnelsByName.TryGetValue(name, out var tunnel) && target.StartsWith(tunnel.Id, StringComparison.OrdinalIgnoreCase));

    private async Task ExecuteAsync(PlanOperation operation, ReconcilePass pass, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var owner = operation.Cause.Sources.Count == 0 ? null : string.Join("; ", operation.Cause.Sources);
        switch (operation)
        {
            case AccessCreateOperation create:
                var appId = await access.CreateAsync(create, cancellationToken).ConfigureAwait(false);
                await store.PutOwnershipAsync(OwnershipMapping.AccessRecord(pass.AccountId, create.After.Domain, appId, owner, now), cancellationToken).ConfigureAwait(false);
                await RecordAsync("access.create", create.After.Domain, operation, trigger, null, create.After, cancellationToken).ConfigureAwait(false);
                break;
            case AccessUpdateOperation update:
                await access.UpdateAsync(update, cancellationToken).ConfigureAwait(false);
                await RecordAsync("access.update", update.After.Domain, operation, trigger, update.Before, update.After, cancellationToken).ConfigureAwait(false);
                break;
            case IngressPutOperation put:
                await ingress.ApplyAsync(put, cancellationToken).ConfigureAwait(false);
                await RecordIngressOwnershipAsync(put, pass, now, cancellationToken).ConfigureAwait(false);
                // Only the rules that changed: whole documents would make every entry as large as the tunnel.
                var rules = put.Rules;
                await RecordAsync("ingress.update", put.Tunnel, operation, trigger,
                    put.Before.Where(r => !rules.Contains(r)).ToList(), rules.Where(r => !put.Before.Contains(r)).ToList(), cancellationToken).ConfigureAwait(false);
                break;
            case DnsCreateOperation create:
                var zone = ZoneOf(pass, create.After.Zone);
                var recordId = await dns.CreateAsync(create, zone, cancellationToken).ConfigureAwait(false);
                await store.PutOwnershipAsync(OwnershipMapping.DnsRecord(pass.AccountId, zone, create.After.Name, recordId, owner, now), cancellationToken).ConfigureAwait(false);
                await RecordAsync("dns.create", create.After.Name, operation, trigger, null, create.After, cancellationToken).ConfigureAwait(false);
                break;
            case DnsUpdateOperation update:
                var updateZone = ZoneOf(pass, update.After.Zone);
                await dns.UpdateAsync(update, updateZone, cancellationToken).ConfigureAwait(false);
                await store.PutOwnershipAsync(OwnershipMapping.DnsRecord(pass.AccountId, updateZone, update.After.Name, update.Before.Id, owner, now), cancellationToken).ConfigureAwait(false);
                await RecordAsync("dns.update", update.After.Name, operation, trigger, update.Before, update.After, cancellationToken).ConfigureAwait(false);
                break;
            case DnsDeleteOperation delete:
                await dns.DeleteAsync(delete, ZoneOf(pass, delete.Before.Zone), cancellationToken).ConfigureAwait(false);
                await store.RemoveOwnershipAsync(Core.State.OwnedObjectKind.DnsRecord, delete.Before.Id, cancellationToken).ConfigureAwait(false);
                await RecordAsync("dns.delete", delete.Before.Name, operation, trigger, delete.Before, null, cancellationToken).ConfigureAwait(false);
                break;
            case AccessDeleteOperation delete:
                await access.DeleteAsync(delete, cancellationToken).ConfigureAwait(false);
                await store.RemoveOwnershipAsync(Core.State.OwnedObjectKind.AccessApp, delete.Before.Id, cancellationToken).ConfigureAwait(false);
                await RecordAsync("access.delete", delete.Before.Domain, operation, trigger, delete.Before, null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ReconcileException($"The plan holds an operation this master cannot run: {operation.GetType().Name}.");
        }

        log.LogInformation("Applied: {Operation}", operation.Describe());
    }

    // After a successful write the tunnel's owned rules are exactly those the operation marks as ours.
    private async Task RecordIngressOwnershipAsync(IngressPutOperation put, ReconcilePass pass, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tunnel = pass.TunnelsByName[put.Tunnel];
        var existing = pass.StoredOwnership
            .Where(r => r.Kind == Core.State.OwnedObjectKind.IngressRule && r.TunnelId == tunnel.Id)
            .ToDictionary(r => r.CloudflareId, StringComparer.Ordinal);
        var wanted = put.OwnedRules.Select(rule => OwnershipMapping.IngressRecord(pass.AccountId, tunnel, rule, now))
            .ToDictionary(r => r.CloudflareId, StringComparer.Ordinal);
        foreach (var id in existing.Keys.Where(id => !wanted.ContainsKey(id)))
        {
            await store.RemoveOwnershipAsync(Core.State.OwnedObjectKind.IngressRule, id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, record) in wanted)
        {
            var keep = existing.TryGetValue(id, out var old) ? record with { CreatedAt = old.CreatedAt } : record;
            if (old is null || old.CreatedBy != keep.CreatedBy)
            {
                await store.PutOwnershipAsync(keep, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static KnownZone ZoneOf(ReconcilePass pass, string zoneName) =>
        pass.ZonesByName.TryGetValue(zoneName, out var zone)
            ? zone
            : throw new ReconcileException($"Zone '{zoneName}' is not one of the account's zones any more.");

    private Task<ChangeLogEntry> RecordAsync(
        string kind, string target, PlanOperation operation, string trigger, object? before, object? after, CancellationToken cancellationToken) =>
        store.AppendChangeAsync(
            new ChangeLogDraft(time.GetUtcNow(), kind, target, $"{operation.Cause} [trigger: {trigger}]", ChangeJson.Of(before), ChangeJson.Of(after)),
            cancellationToken);
}
