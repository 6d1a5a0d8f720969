using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.Users;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages;

/// <summary>
/// /users (admins): the accounts; add one (name, role, password twice), change a role, disable or
/// enable. Every change is written to the audit log with who made it. An admin cannot disable
/// their own account or change their own role, so the console always keeps the admin at the
/// keyboard. A refused change answers 400 with the reason on the page; a done one redirects back
/// (so a reload does not repeat it) and says what was done.
/// </summary>
[Authorize(Policy = ConsolePolicies.Users)]
public sealed class UsersModel(ConsoleData data, ConsolePasswords passwords, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ConsoleUser> Accounts { get; private set; } = [];

    /// <summary>A UsersText key ("Error_NameTaken"), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>What was just done ("add", "role", "disable", "enable") and to whom.</summary>
    public string? Done { get; private set; }

    public string? DoneName { get; private set; }

    /// <summary>The add form's name and role, kept when it is refused (never the passwords).</summary>
    public string NewName { get; private set; } = "";

    public string NewRole { get; private set; } = ConsoleRoles.Operator;

    public string Me => User.Identity?.Name ?? "";

    public async Task OnGetAsync(string? done, string? name, CancellationToken ct)
    {
        if (done is "add" or "role" or "disable" or "enable" && name is not null)
        {
            Done = done;
            DoneName = name;
        }

        Accounts = await data.Users.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? name, string? role, string? password, string? passwordAgain, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        NewName = name;
        NewRole = role ?? "";
        string? error = !ConsoleUserNames.IsValid(name) ? "Error_Name"
            : !ConsoleRoles.IsKnown(role) ? "Error_Role"
            : (password ?? "").Length < ConsolePasswords.MinLength ? "Error_PasswordShort"
            : password != passwordAgain ? "Error_PasswordMismatch"
            : null;
        if (error is null && !await data.Users.AddAsync(name, passwords.Hash(password!), role!, clock.GetUtcNow(), ct))
        {
            error = "Error_NameTaken";
        }

        if (error is not null) return await RefusedAsync(error, ct);
        await data.Audit.AddAsync(Me, "user.add", name, "role " + role, ct);
        return RedirectToPage(new { done = "add", name });
    }

    public async Task<IActionResult> OnPostRoleAsync(string? name, string? role, CancellationToken ct)
    {
        if (!ConsoleRoles.IsKnown(role)) return await RefusedAsync("Error_Role", ct);
        if (name == Me) return await RefusedAsync("Error_Self", ct);
        var user = name is null ? null : await data.Users.FindAsync(name, ct);
        if (user is null) return await RefusedAsync("Error_NoSuchUser", ct);
        if (user.Role != role)
        {
            await data.Users.SetRoleAsync(user.Name, role!, ct);
            await data.Audit.AddAsync(Me, "user.role", user.Name, $"{user.Role} -> {role}", ct);
        }

        return RedirectToPage(new { done = "role", name = user.Name });
    }

    public Task<IActionResult> OnPostDisableAsync(string? name, CancellationToken ct) => SetDisabledAsync(name, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string? name, CancellationToken ct) => SetDisabledAsync(name, false, ct);

    private async Task<IActionResult> SetDisabledAsync(string? name, bool disabled, CancellationToken ct)
    {
        if (name == Me) return await RefusedAsync("Error_Self", ct);
        if (name is null || !await data.Users.SetDisabledAsync(name, disabled, ct)) return await RefusedAsync("Error_NoSuchUser", ct);
        await data.Audit.AddAsync(Me, disabled ? "user.disable" : "user.enable", name, null, ct);
        return RedirectToPage(new { done = disabled ? "disable" : "enable", name });
    }

    private async Task<IActionResult> RefusedAsync(string error, CancellationToken ct)
    {
        Error = error;
        Accounts = await data.Users.ListAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
