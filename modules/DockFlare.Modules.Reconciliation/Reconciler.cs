using System.Security.Cryptography;
using System.Text;
using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using CloudflareApiException = DockFlare.Plugins.Abstractions.Cloudflare.CloudflareApiException;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Sources → engine → planner → applier, as the only writer (the <c>reconcile</c> lock). A pass
/// that meets a conflict or an Access failure plans again, at most <see cref="MaxPasses"/> times;
/// whatever is left is reported and finished by the next run.
/// </summary>
internal sealed class Reconciler(
    PassReader passes,
    ObservedReader observedReader,
    PlanApplier applier,
    IDistributedLock locks,
    IStateStore store,
    CloudflareAccount account,
    RouteReporter reporter,
    TimeProvider time,
    ILogger<Reconciler> log) : IReconciler
{
    internal const string LockName = "reconcile";
    private const int MaxPasses = 3;
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);
    private string? _lastAppliedFingerprint;

    public ReconcileOutcome? LastOutcome { get; private set; }

    public async Task<ReconcileOutcome> ReconcileAsync(string cause, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        if (!account.IsConfigured)
        {
            return Finish(new ReconcileOutcome(cause, started, time.GetUtcNow(), new Plan([], []), 0,
                ["Cloudflare is not configured: set CF_API_TOKEN and CF_ACCOUNT_ID, or start with --sandbox."]), null);
        }

        IAsyncDisposable? acquired;
        try
        {
            acquired = await locks.TryAcquireAsync(LockName, LockWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Boundary: the lock lives in the state store (Redis); while it is away nothing can be written safely.
            return Finish(new ReconcileOutcome(cause, started, time.GetUtcNow(), new Plan([], []), 0,
                [$"The reconcile lock cannot be taken, so nothing was written ({exception.GetType().Name}: {exception.Message})."]), null);
        }

        if (acquired is null)
        {
            return Finish(new ReconcileOutcome(cause, started, time.GetUtcNow(), new Plan([], []), 0,
                ["Another reconcile held the lock for too long; this one was skipped and the next run will catch up."]), null);
        }

        await using var held = acquired;

        var plan = new Plan([], []);
        var applied = 0;
        var errors = new List<string>();
        var failedAccess = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ReconcilePass? pass = null;
        try
        {
            for (var attempt = 1; attempt <= MaxPasses; attempt++)
            {
                pass = await passes.ReadAsync(cancellationToken).ConfigureAwait(false);
                var (observed, groups) = await observedReader.ReadAsync(pass, cancellationToken).ConfigureAwait(false);
                plan = ReconciliationPlanner.Create(new PlannerInput(pass.Desired, observed, pass.Ownership, pass.InstanceId)
                {
                    AvailableAccessGroups = groups,
                    FailedAccessDomains = failedAccess,
                });
                errors.Clear();
                if (plan.IsEmpty)
                {
                    break;
                }

                var trigger = attempt == 1 && IsDrift(pass) ? "drift repair, " + cause : cause;
                if (trigger != cause)
                {
                    log.LogWarning("Drift: Cloudflare differs from what DockFlare last applied; repairing {Count} object(s): {Operations}",
                        plan.Operations.Count, string.Join(" | ", plan.Operations.Select(o => o.Describe())));
                }

                var result = await applier.ApplyAsync(plan, pass, trigger, cancellationToken).ConfigureAwait(false);
                applied += result.Applied;
                errors.AddRange(result.Errors);
                foreach (var (domain, error) in result.FailedAccessDomains)
                {
                    failedAccess[domain] = error;
                }

                if (!result.NeedsReplan)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is ReconcileException or CloudflareApiException or HttpRequestException
                                              or StateConcurrencyException or StateCorruptedException or TimeoutException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            errors.Add(exception.Message);
            log.LogWarning("Reconcile ({Cause}) stopped: {Error}", cause, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Boundary: the state store or a provider failed in a way nobody expected (Redis away, a
            // bug). The run is reported as failed, nothing more is written, and the next run retries.
            errors.Add($"unexpected {exception.GetType().Name}: {exception.Message}");
            log.LogError(exception, "Reconcile ({Cause}) failed unexpectedly", cause);
        }

        // Only Access failures left: the run did publish everything else, and the routes of those domains are blocked.
        var onlyAccessFailed = failedAccess.Count > 0 && errors.Count == 0;
        errors.AddRange(failedAccess.Select(f => $"Access for {f.Key} could not be confirmed, so it is not published: {f.Value}"));
        return Finish(new ReconcileOutcome(cause, started, time.GetUtcNow(), plan, applied, errors), pass, onlyAccessFailed ? failedAccess : null);
    }

    public async Task<ReconcilePreview> PreviewAsync(CancellationToken cancellationToken)
    {
        var pass = await passes.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (observed, groups) = await observedReader.ReadAsync(pass, cancellationToken).ConfigureAwait(false);
        var plan = ReconciliationPlanner.Create(new PlannerInput(pass.Desired, observed, pass.Ownership, pass.InstanceId) { AvailableAccessGroups = groups });
        return new ReconcilePreview(pass.Desired, plan, pass.Sources.Deadlines, time.GetUtcNow());
    }

    public Task<RoutesReport> GetRoutesAsync(CancellationToken cancellationToken) =>
        reporter.ReportAsync(LastOutcome, account.IsSandbox, cancellationToken);

    public async Task<IReadOnlyList<string>> AdoptAsync(string hostname, string? path, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);
        await using var held = await locks.TryAcquireAsync(LockName, LockWait, cancellationToken).ConfigureAwait(false)
            ?? throw new ReconcileException("A reconcile is running and did not finish in time; try again.");
        var pass = await passes.ReadAsync(cancellationToken).ConfigureAwait(false);
        var route = pass.Desired.Routes.FirstOrDefault(r =>
                        string.Equals(r.Hostname, hostname.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
                        && (r.Path == path || r.PathAsWritten == path || (string.IsNullOrEmpty(path) && r.Path is null)))
                    ?? throw new ReconcileException($"No route of DockFlare publishes '{hostname}{path}', so there is nothing to adopt it for.");
        var (observed, _) = await observedReader.ReadAsync(pass, cancellationToken).ConfigureAwait(false);
        return await Adoption.AdoptAsync(route, pass, observed, store, by, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private ReconcileOutcome Finish(ReconcileOutcome outcome, ReconcilePass? pass, IReadOnlyDictionary<string, string>? failedAccess = null)
    {
        LastOutcome = outcome;
        if (pass is not null && outcome.Succeeded)
        {
            _lastAppliedFingerprint = Fingerprint(pass);
            reporter.MarkActive(pass.Desired.Routes.Select(r => r.Key).Except(outcome.Plan.BlockedRoutes));
        }
        else if (pass is not null && failedAccess is not null)
        {
            // One refused Access application must not leave every other published route "pending" for good.
            var refused = failedAccess.Keys.Select(AccessDomain.Canonical).ToHashSet(StringComparer.Ordinal);
            reporter.MarkActive(pass.Desired.Routes
                .Where(r => r.Access.Mode is not (AccessMode.Groups or AccessMode.CustomRules) || !refused.Contains(AccessDomain.Canonical(r.Access.Domain)))
                .Select(r => r.Key)
                .Except(outcome.Plan.BlockedRoutes));
        }

        if (outcome.Succeeded)
        {
            log.Log(outcome.Applied > 0 ? LogLevel.Information : LogLevel.Debug,
                "Reconcile ({Cause}) done: {Applied} change(s) in {Milliseconds} ms", outcome.Cause, outcome.Applied,
                (long)(outcome.FinishedAt - outcome.StartedAt).TotalMilliseconds);
        }
        else
        {
            log.LogWarning("Reconcile ({Cause}) finished with {Count} problem(s): {Errors}", outcome.Cause, outcome.Errors.Count, string.Join(" | ", outcome.Errors));
        }

        return outcome;
    }

    // Same desired state as the last successful run, yet something to write: someone changed Cloudflare.
    private bool IsDrift(ReconcilePass pass) => _lastAppliedFingerprint is not null && _lastAppliedFingerprint == Fingerprint(pass);

    private static string Fingerprint(ReconcilePass pass) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ChangeJson.Of(pass.Desired.Routes.Select(Describe).ToList()) ?? "")));

    private static object Describe(RouteSpec route) => new { route.Key, route.Service, route.Tunnel, route.Zone, route.Access, route.OriginRequest, route.PendingDeletion };
}
