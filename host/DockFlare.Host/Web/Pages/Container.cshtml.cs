using DockFlare.Core.Reconciliation;
using DockFlare.Host.Web.Containers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>
/// <c>/containers/{host}/{name}</c>: why one container's routes are, or are not, live. An empty host (the dashboard's
/// link for a route without one) means the master's own engine, <see cref="LocalHost.Name"/>.
/// </summary>
internal sealed class ContainerModel(ContainerTraceReader traces) : PageModel
{
    /// <summary>The longest host or container name accepted from the URL (Docker names are far shorter).</summary>
    public const int MaxNameLength = 255;

    public ContainerTrace? Trace { get; private set; }

    public string? Problem { get; private set; }

    // One catch-all segment, so that "/containers//web" (no host) still reaches the page.
    public async Task OnGetAsync(string? target)
    {
        var text = target ?? "";
        var slash = text.LastIndexOf('/');
        var host = slash < 0 ? "" : text[..slash].Trim('/');
        var name = slash < 0 ? text : text[(slash + 1)..];
        if (name.Length == 0 || name.Length > MaxNameLength || host.Length > MaxNameLength || host.Contains('/'))
        {
            Problem = "This address does not name a container: use /containers/<host>/<name>, for example /containers/local/web.";
            return;
        }

        Trace = await traces.ReadAsync(host.Length == 0 ? LocalHost.Name : host, name, HttpContext.RequestAborted);
    }
}
