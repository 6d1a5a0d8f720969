using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages;

/// <summary>/signin: name and password against the users table; a cookie with the name and role on success.</summary>
[AllowAnonymous]
public sealed class SignInModel(ConsoleData data, ConsolePasswords passwords) : PageModel
{
    public bool Failed { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        var user = string.IsNullOrWhiteSpace(name) ? null : await data.Users.FindAsync(name.Trim(), ct);
        if (user is null || user.Disabled || !passwords.Verify(user, password ?? ""))
        {
            Failed = true;
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
