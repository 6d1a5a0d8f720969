using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using VikaIvr.Data.Users;

namespace VikaIvr.Server.Web.Auth;

/// <summary>The cookie's identity: the account's name and its one role.</summary>
public static class ConsolePrincipal
{
    public static ClaimsPrincipal For(ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
