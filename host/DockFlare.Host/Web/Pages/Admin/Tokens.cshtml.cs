using DockFlare.Modules.Auth.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Admin;

/// <summary>API tokens: created here and shown once, listed with their last use, revoked here.</summary>
internal sealed class TokensModel(ApiTokenStore tokens, ILogger<TokensModel> log) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just created; rendered once, in the response to the POST, never stored in plain text.</summary>
    public string? Created { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? scope)
    {
        // The form sends Read or ReadWrite; the words people use (read, read-write) are taken too.
        if (!Enum.TryParse<ApiTokenScope>(scope?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            || !Enum.IsDefined(parsed) || int.TryParse(scope, out _))
        {
            Error = "Choose the scope read or read-write.";
        }
        else if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > ApiTokenStore.MaxNameLength)
        {
            Error = $"A token name has 1 to {ApiTokenStore.MaxNameLength} characters.";
        }
        else
        {
            var (record, token) = await tokens.CreateAsync(name, parsed, User.Identity?.Name ?? "unknown", HttpContext.RequestAborted);
            log.LogInformation("{Admin} created the API token {TokenName} ({TokenId}, {Scope})", User.Identity?.Name, record.Name, record.Id, record.Scope);
            Created = token;
            // The answer holds a secret: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !await tokens.RevokeAsync(id, HttpContext.RequestAborted))
        {
            Error = "There is no such token.";
            await OnGetAsync();
            return Page();
        }

        log.LogInformation("{Admin} revoked the API token {TokenId}", User.Identity?.Name, id);
        return RedirectToPage();
    }
}
