using DockFlare.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Rules;

/// <summary>
/// Creates (no id in the path) or edits a manual rule. "Check" shows what the label engine says without storing
/// anything; "Save" stores the rule only when the engine finds no error, exactly as the REST API does.
/// </summary>
internal sealed class RuleEditModel(ManualRuleStore rules, ManualRuleEditor editor, ManualRuleValidator validator) : PageModel
{
    [BindProperty]
    public ManualRuleForm Form { get; set; } = new();

    /// <summary>The id of the rule being edited; null when a new one is made.</summary>
    public string? EditedId { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>What "Check" found; null when it was not asked.</summary>
    public ManualRuleCheck? Check { get; private set; }

    public IReadOnlyList<string> Tunnels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            var rule = (await rules.ListAsync(HttpContext.RequestAborted)).FirstOrDefault(r => r.Id == id);
            if (rule is null)
            {
                return NotFound();
            }

            Form = ManualRuleForm.From(rule);
        }

        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string? id)
    {
        var (request, problem) = Form.ToRequest();
        try
        {
            if (request is not null)
            {
                Check = (await editor.CheckAsync(id ?? Form.Id, request, HttpContext.RequestAborted)).Check;
                problem = Check.Problem?.Message;
            }
        }
        catch (Exception e) when (ChangeFailures.Describe(e) is { } message)
        {
            problem = message;
        }

        Problem = problem;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        var (request, problem) = Form.ToRequest();
        ManualRuleChange? change = null;
        try
        {
            if (request is not null)
            {
                var by = "ui by " + User.Identity?.Name;
                change = id is null
                    ? await editor.CreateAsync(request, by, HttpContext.RequestAborted)
                    : await editor.ReplaceAsync(id, request, by, HttpContext.RequestAborted);
                problem = change.Problem?.Message;
            }
        }
        catch (Exception e) when (ChangeFailures.Describe(e) is { } message)
        {
            problem = message;
        }

        if (problem is not null)
        {
            Problem = problem;
            Check = change?.Problem is { Diagnostics: { } diagnostics } ? new ManualRuleCheck(change.Problem, diagnostics, []) : null;
            await LoadAsync(id);
            return Page();
        }

        TempData["Notice"] = $"Saved manual rule '{change!.Rule!.Id}' ({change.Rule.Hostname}); it is published with the next reconcile.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(string? id)
    {
        EditedId = id;
        Tunnels = await validator.TunnelNamesAsync(HttpContext.RequestAborted);
    }
}
