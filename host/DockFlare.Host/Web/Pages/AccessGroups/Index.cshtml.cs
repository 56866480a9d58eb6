using DockFlare.Modules.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.AccessGroups;

/// <summary>The Access groups (system ones read-only) with their rules, users and sync state; delete for admins.</summary>
internal sealed class AccessGroupListModel(IAccessGroups groups) : PageModel
{
    public IReadOnlyList<AccessGroupView> Groups { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Groups = await groups.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync(string? id)
    {
        try
        {
            Problem = (await groups.DeleteAsync(id ?? "", "ui by " + User.Identity?.Name, HttpContext.RequestAborted))?.Message;
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

        Notice = $"Deleted Access group '{id}'. Its Cloudflare policy is removed with the next reconcile once no application uses it.";
        return RedirectToPage();
    }
}
