using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>The dashboard: every route and where it stands; <c>site.js</c> keeps it current over server-sent events.</summary>
internal sealed class IndexModel(LiveRoutesFeed feed) : PageModel
{
    public DashboardSnapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync() => Snapshot = await feed.GetAsync(HttpContext.RequestAborted);
}
