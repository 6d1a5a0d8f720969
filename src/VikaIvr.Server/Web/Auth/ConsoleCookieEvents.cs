using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using VikaIvr.Data.Users;

namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// Checks each signed-in request against the users table: a disabled or removed account is signed
/// out at once (not when its cookie expires), and a changed role takes effect on the next page.
/// One indexed lookup per request; the console's traffic is a few people.
/// </summary>
public sealed class ConsoleCookieEvents(ConsoleData data) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? name = context.Principal?.Identity?.Name;
        if (name is null) return;
        ConsoleUser? user;
        try
        {
            user = await data.Users.FindAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (ConsoleNotReadyException)
        {
            // Still starting: the page itself answers "not ready".
            return;
        }

        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return;
        }

        if (!context.Principal!.IsInRole(user.Role))
        {
            context.ReplacePrincipal(ConsolePrincipal.For(user));
            context.ShouldRenew = true;
        }
    }
}
