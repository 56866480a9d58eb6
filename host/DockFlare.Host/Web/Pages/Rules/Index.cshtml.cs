using DockFlare.Core.Engine;
using DockFlare.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Rules;

/// <summary>The manual rules, each with its edit link and a delete button (admins only).</summary>
internal sealed class RuleListModel(ManualRuleStore rules, ManualRuleEditor editor) : PageModel
{
    public IReadOnlyList<ManualRule> Rules { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Rules = await rules.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync(string? id)
    {
        try
        {
            Problem = (await editor.DeleteAsync(id ?? "", "ui by " + User.Identity?.Name, HttpContext.RequestAborted))?.Message;
        }
        catch (Exception e) when (ChangeFailures.Describe(e) is { } message)
        {
            Problem = message;
        }

        if (Problem is not null)
        {
            await OnGetAsync();
            return Page();
        }

        Notice = $"Deleted manual rule '{id}'. Its route goes away with the next reconcile.";
        return RedirectToPage();
    }
}
