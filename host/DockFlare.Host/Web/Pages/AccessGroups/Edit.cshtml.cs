using DockFlare.Modules.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.AccessGroups;

/// <summary>
/// Creates (no id in the path) or edits an Access group; a system group is shown read-only. "Save" stores the group only
/// when it is valid, exactly as the REST API does, and shows every problem found otherwise.
/// </summary>
internal sealed class AccessGroupEditModel(IAccessGroups groups) : PageModel
{
    [BindProperty]
    public AccessGroupForm Form { get; set; } = new();

    /// <summary>The id of the group being edited; null when a new one is made.</summary>
    public string? EditedId { get; private set; }

    /// <summary>Whether the group is a system group (read-only).</summary>
    public bool IsSystem { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Every problem of an invalid group, when there are several.</summary>
    public IReadOnlyList<string> Details { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            var view = await groups.GetAsync(id, HttpContext.RequestAborted);
            if (view is null)
            {
                return NotFound();
            }

            Form = AccessGroupForm.From(view.Group);
            IsSystem = view.IsSystem;
        }

        EditedId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        var (request, problem) = Form.ToRequest();
        AccessGroupChange? change = null;
        try
        {
            if (request is not null)
            {
                var by = "ui by " + User.Identity?.Name;
                change = id is null
                    ? await groups.CreateAsync(request, by, HttpContext.RequestAborted)
                    : await groups.ReplaceAsync(id, request, by, HttpContext.RequestAborted);
                problem = change.Problem?.Message;
            }
        }
        catch (Exception e) when (ChangeFailures.Describe(e) is { } message)
        {
            problem = message;
        }

        if (problem is not null)
        {
            Problem = change?.Problem is { Details.Count: > 1 } ? "The group is not valid:" : problem;
            Details = change?.Problem?.Details is { Count: > 1 } details ? details : [];
            EditedId = id;
            return Page();
        }

        TempData["Notice"] = $"Saved Access group '{change!.Group!.Id}'; its Cloudflare policy follows with the next reconcile.";
        return RedirectToPage("Index");
    }
}
