using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Access;

/// <summary>
/// The Access side of reconciliation: self-hosted applications with their policies, and the reusable
/// policies of DockFlare's Access groups. Every write builds the complete application, policies included,
/// and anything that cannot be expressed exactly fails closed with a <see cref="ReconcileException"/>.
/// </summary>
internal sealed partial class AccessGateway : IAccessGateway
{
    private readonly ICloudflareAccessApplications _applications;
    private readonly CloudflareAccount _account;
    private readonly AccessOptions _options;
    private readonly AccessGroupSync _groups;
    private readonly AppliedIntentNotes _notes;
    private readonly ILogger<AccessGateway> _logger;

    public AccessGateway(
        ICloudflareAccessApplications applications,
        AccessGroupSync groups,
        AppliedIntentNotes notes,
        CloudflareAccount account,
        AccessOptions options,
        ILogger<AccessGateway> logger)
    {
        _applications = applications;
        _groups = groups;
        _notes = notes;
        _account = account;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ObservedAccessApp>> ReadAsync(CancellationToken cancellationToken)
    {
        var accountId = _account.RequireId();
        var apps = await Call(() => _applications.ListAccessApplicationsAsync(accountId, AccessApplicationQuery.All, cancellationToken),
            "list the Access applications of the account").ConfigureAwait(false);
        var groups = await _groups.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var notes = await _notes.ReadAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. apps.Where(a => a.Type == "self_hosted" && a.Domain is not null)
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => new ObservedAccessApp(a.Id, a.Domain!, a.Name)
                {
                    AppliedIntent = AccessIntentReader.Read(a, groups, notes.GetValueOrDefault(a.Id), _options.UseReusablePolicies),
                }),
        ];
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> EnsureGroupsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _groups.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Groups.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<string> CreateAsync(AccessCreateOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var accountId = _account.RequireId();
        var intent = operation.After;
        var request = AccessAppRequestBuilder.Build(intent, await _groups.CurrentAsync(cancellationToken).ConfigureAwait(false), _options.UseReusablePolicies);
        var app = await Call(() => _applications.CreateAccessApplicationAsync(accountId, request, cancellationToken),
            $"create the Access application of {intent.Domain}").ConfigureAwait(false);
        await _notes.SetAsync(app.Id, intent, cancellationToken).ConfigureAwait(false);
        LogCreated(intent.Domain, app.Id, intent.Mode.ToString());
        return app.Id;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(AccessUpdateOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var accountId = _account.RequireId();
        var intent = operation.After;
        var request = AccessAppRequestBuilder.Build(intent, await _groups.CurrentAsync(cancellationToken).ConfigureAwait(false), _options.UseReusablePolicies);
        await Call(() => _applications.UpdateAccessApplicationAsync(accountId, operation.Before.Id, request, cancellationToken),
            $"update the Access application {operation.Before.Id} of {intent.Domain}").ConfigureAwait(false);
        await _notes.SetAsync(operation.Before.Id, intent, cancellationToken).ConfigureAwait(false);
        LogUpdated(intent.Domain, operation.Before.Id, intent.Mode.ToString());
    }

    /// <inheritdoc />
    public async Task DeleteAsync(AccessDeleteOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var accountId = _account.RequireId();
        var app = operation.Before;

        // Application-scoped policies go with the application; reusable group policies stay for other apps.
        var deleted = await Call(() => _applications.DeleteAccessApplicationAsync(accountId, app.Id, cancellationToken),
            $"delete the Access application {app.Id} of {app.Domain}").ConfigureAwait(false);
        await _notes.SetAsync(app.Id, null, cancellationToken).ConfigureAwait(false);
        LogDeleted(app.Domain, app.Id, deleted);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Access application {AppId} for {Domain} ({AccessMode})")]
    private partial void LogCreated(string domain, string appId, string accessMode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated Access application {AppId} for {Domain} ({AccessMode})")]
    private partial void LogUpdated(string domain, string appId, string accessMode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted Access application {AppId} for {Domain} (it existed: {Existed})")]
    private partial void LogDeleted(string domain, string appId, bool existed);
}
