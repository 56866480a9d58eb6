using DockFlare.Core.Reconciliation;
using DockFlare.Host.Api;
using DockFlare.Host.Web.DryRun;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>
/// The dry run as a diff, with drift and conflicts and their actions: Apply (a reconcile), Adopt (take ownership of
/// what stands in a route's way), Ignore and un-ignore (hide a finding; the plan itself is unchanged).
/// </summary>
internal sealed class PlanModel(IReconciler reconciler, PreviewReader previews, RouteAdopter adopter, PlanIgnoreList ignores) : PageModel
{
    public PlanView? View { get; private set; }

    /// <summary>Why there is no plan to show, when there is none.</summary>
    public string? Problem { get; private set; }

    /// <summary>The outcome of the action just taken, as one line.</summary>
    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    /// <summary>The reconcile just run by Apply.</summary>
    public ReconcileOutcome? Outcome { get; private set; }

    /// <summary>The cause a reconcile started from this page is logged with.</summary>
    public string ApplyCause => "ui by " + User.Identity?.Name;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostApplyAsync()
    {
        Outcome = await reconciler.ReconcileAsync(ApplyCause, HttpContext.RequestAborted);
        Say(Outcome.Succeeded
            ? $"Applied: {Outcome.Applied} change(s)."
            : $"Applied {Outcome.Applied} change(s); {Outcome.Errors.Count} problem(s) are listed below.", !Outcome.Succeeded);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAdoptAsync(string? hostname, string? path)
    {
        var result = await adopter.AdoptAsync(hostname, path, User.Identity?.Name + " in the ui", HttpContext.RequestAborted);
        if (result.Adopted is { } adopted)
        {
            Say(adopted.Count == 0
                ? $"Nothing stood in the way of {hostname}{path}: there was nothing to adopt."
                : $"Adopted {string.Join("; ", adopted)}. Apply the plan to let DockFlare manage them.", error: false);
        }
        else
        {
            Say(result.Message!, error: true);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostIgnoreAsync(string? key)
    {
        await LoadAsync();
        var finding = PlanFindings.IsKey(key) ? View?.Findings.FirstOrDefault(f => f.Key == key) : null;
        if (finding is null)
        {
            Say("That item is not in the plan any more (or was already ignored); nothing was hidden.", error: true);
            return Page();
        }

        await ignores.IgnoreAsync(finding, User.Identity?.Name ?? "", HttpContext.RequestAborted);
        Say($"Ignored: {finding.Description}", error: false);
        View = View! with
        {
            Findings = [.. View.Findings.Where(f => f.Key != finding.Key)],
            Ignored = await ignores.ListAsync(HttpContext.RequestAborted),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostUnignoreAsync(string? key)
    {
        var removed = PlanFindings.IsKey(key) && await ignores.UnignoreAsync(key!, HttpContext.RequestAborted);
        Say(removed ? "The item is shown again." : "That item was not ignored.", error: !removed);
        await LoadAsync();
        return Page();
    }

    private void Say(string message, bool error)
    {
        Message = message;
        MessageIsError = error;
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var ignored = await ignores.ListAsync(cancellationToken);
        var (preview, problem) = await previews.ReadAsync(cancellationToken);
        Problem = problem;
        if (preview is null)
        {
            View = null;
            return;
        }

        var steps = PlanSteps.From(preview.Plan);
        var hidden = ignored.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var findings = PlanFindings.From(preview.Plan, preview.Desired.Routes, steps).Where(f => !hidden.Contains(f.Key)).ToList();
        View = new PlanView(preview.ComputedAt, steps, findings, ignored, preview.GraceDeadlines);
    }
}
