using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Admin;

/// <summary>Admins add users, set roles, reset passwords, unlock and delete; the last admin cannot be removed or demoted.</summary>
internal sealed class UsersModel(UserStore users, TimeProvider time, ILogger<UsersModel> log) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Users = await users.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? role, string? password)
    {
        var problem = UserNames.Problem(userName) ?? UserNames.PasswordProblem(password) ?? RoleProblem(role);
        if (problem is null && await users.FindAsync(userName!, HttpContext.RequestAborted) is not null)
        {
            problem = $"A user named {UserNames.Normalize(userName!)} already exists.";
        }

        if (problem is not null)
        {
            return await ShowAsync(problem);
        }

        var now = time.GetUtcNow();
        await users.SaveAsync(new UserAccount(UserNames.Normalize(userName!), PasswordSignIn.Hash(password!), role!, 0, null, now, null), HttpContext.RequestAborted);
        log.LogInformation("{Admin} added the user {UserName} as {Role}", User.Identity?.Name, UserNames.Normalize(userName!), role);
        return Done($"Added {UserNames.Normalize(userName!)} ({role}).");
    }

    public Task<IActionResult> OnPostRoleAsync(string? userName, string? role) =>
        UpdateAsync(userName, async account =>
        {
            if (RoleProblem(role) is { } problem)
            {
                return problem;
            }

            if (account.Role == Roles.Admin && role != Roles.Admin && await IsLastAdminAsync())
            {
                return "This is the last admin: make another user admin first.";
            }

            await users.SaveAsync(account with { Role = role! }, HttpContext.RequestAborted);
            return null;
        }, $"{userName} is now {role}.");

    public Task<IActionResult> OnPostPasswordAsync(string? userName, string? password) =>
        UpdateAsync(userName, async account =>
        {
            if (UserNames.PasswordProblem(password) is { } problem)
            {
                return problem;
            }

            await users.SaveAsync(account with { PasswordHash = PasswordSignIn.Hash(password!), FailedLogins = 0, LockedUntil = null }, HttpContext.RequestAborted);
            return null;
        }, $"The password of {userName} was reset.");

    public Task<IActionResult> OnPostUnlockAsync(string? userName) =>
        UpdateAsync(userName, async account =>
        {
            await users.SaveAsync(account with { FailedLogins = 0, LockedUntil = null }, HttpContext.RequestAborted);
            return null;
        }, $"{userName} is unlocked.");

    public Task<IActionResult> OnPostDeleteAsync(string? userName) =>
        UpdateAsync(userName, async account =>
        {
            if (string.Equals(account.UserName, User.Identity?.Name, StringComparison.Ordinal))
            {
                return "You cannot delete yourself.";
            }

            if (account.Role == Roles.Admin && await IsLastAdminAsync())
            {
                return "This is the last admin.";
            }

            await users.DeleteAsync(account.UserName, HttpContext.RequestAborted);
            return null;
        }, $"Deleted {userName}.");

    private async Task<IActionResult> UpdateAsync(string? userName, Func<UserAccount, Task<string?>> change, string done)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null : await users.FindAsync(userName, HttpContext.RequestAborted);
        if (account is null)
        {
            return await ShowAsync($"There is no user named {userName}.");
        }

        if (await change(account) is { } problem)
        {
            return await ShowAsync(problem);
        }

        log.LogInformation("{Admin}: {Change}", User.Identity?.Name, done);
        return Done(done);
    }

    private async Task<bool> IsLastAdminAsync() =>
        (await users.ListAsync(HttpContext.RequestAborted)).Count(u => u.Role == Roles.Admin) <= 1;

    private static string? RoleProblem(string? role) => Roles.IsKnown(role) ? null : "Choose the role admin or viewer.";

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(string error)
    {
        Error = error;
        await OnGetAsync();
        return Page();
    }
}
