using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DockFlare.Host.Web;

/// <summary>
/// Every page handler that is not a GET changes something, so it needs an admin: a viewer's POST is forbidden
/// whatever page it targets. Pages open to anyone (sign-in, setup), signing out and changing one's own password are the exceptions.
/// </summary>
internal sealed class AdminOnlyChangesFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var changes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        var exempt = context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()
                     || context.ActionDescriptor.ViewEnginePath is "/Logout" or "/Account";
        if (changes && !exempt && !http.User.IsInRole(Roles.Admin))
        {
            context.Result = new ForbidResult();
            return;
        }

        await next();
    }
}
