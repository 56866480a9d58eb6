using System.Globalization;
using DockFlare.Core.State;
using DockFlare.Host.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>The change log, newest first, filtered on the server from the query string and paged with <c>before</c>.</summary>
internal sealed class ChangesModel(ChangeLogReader changes) : PageModel
{
    public const int PageSize = 50;

    public ChangeFilter Filter { get; private set; } = new(null, null, null);

    public IReadOnlyList<ChangeLogEntry> Entries { get; private set; } = [];

    /// <summary>The <c>before</c> of the next (older) page, or null when this is the last.</summary>
    public long? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? q, string? kind, string? cause, string? before)
    {
        Filter = new ChangeFilter(q, kind, cause);
        long? from = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                Problem = $"'{before}' is not a position in the change log (a whole number of at least 1); showing the newest changes.";
            }
            else
            {
                from = parsed;
                IsFirstPage = false;
            }
        }

        if (Filter.Problem() is { } filterProblem)
        {
            Problem = filterProblem;
            return;
        }

        var page = await changes.ReadAsync(Filter.IsEmpty ? null : Filter.Matches, from, PageSize, HttpContext.RequestAborted);
        Entries = page.Entries;
        Next = page.Next;
    }

    /// <summary>The query string of another page with the same filter.</summary>
    public string Link(long? before)
    {
        var query = new List<string>();
        Add(query, "q", Filter.Text);
        Add(query, "kind", Filter.Kind);
        Add(query, "cause", Filter.Cause);
        if (before is { } value)
        {
            query.Add("before=" + value.ToString(CultureInfo.InvariantCulture));
        }

        return "/changes" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
    }
}
