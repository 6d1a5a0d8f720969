using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.Users;
using VikaIvr.Jkn.Identity;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages;

/// <summary>
/// /signin: name and password against the users table; a cookie with the name and role on success.
/// Failures are counted per name and per client address (<see cref="SignInThrottle"/>): past the
/// limit the form answers 429 with Retry-After and says when to try again, without checking the
/// password. Each failure is logged and audited with the name tried and the address, never the
/// password; a disabled account is refused like a wrong password (the form does not say which).
/// </summary>
[AllowAnonymous]
public sealed partial class SignInModel(ConsoleData data, ConsolePasswords passwords, SignInThrottle throttle, ILogger<SignInModel> log) : PageModel
{
    /// <summary>Longest name kept in a log line or the audit log (the form takes anything).</summary>
    private const int MaxLoggedName = 64;

    public bool Failed { get; private set; }

    /// <summary>Seconds until the next attempt may go ahead; 0 when not refused.</summary>
    public int RetryAfterSeconds { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        name = name?.Trim() ?? "";
        string address = SignInRateLimiting.ClientAddress(HttpContext);
        string shownName = Loggable(name);
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            LogRefused(shownName, address, RetryAfterSeconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        var user = name.Length == 0 ? null : await data.Users.FindAsync(name, ct);
        string? reason = user is null ? "unknown user" : user.Disabled ? "disabled" : !passwords.Verify(user, password ?? "") ? "wrong password" : null;
        if (reason is not null)
        {
            throttle.Failed(name, address);
            LogFailed(shownName, address, reason);
            await AuditAsync(shownName.Length == 0 ? "-" : shownName, "signin.failed", $"from {address}: {reason}", ct);
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.Succeeded(name);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ConsolePrincipal.For(user!));
        await AuditAsync(user!.Name, "signin", $"from {address}", ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>A name as typed may be anything, even a NIK: long digit runs are masked, the length bounded.</summary>
    private static string Loggable(string name)
    {
        string bounded = name.Length > MaxLoggedName ? name[..MaxLoggedName] + "…" : name;
        return PersonalData.ScrubDigits(bounded);
    }

    private async Task AuditAsync(string actor, string action, string detail, CancellationToken ct)
    {
        try
        {
            await data.Audit.AddAsync(actor, action, actor, detail, ct);
        }
        catch (DataStoreException ex)
        {
            // A sign-in is not refused for want of its audit row; the log line above still says it.
            LogAuditFailed(action, ex.Message);
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "console sign-in failed for '{Name}' from {Address}: {Reason}")]
    private partial void LogFailed(string name, string address, string reason);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "console sign-in refused for '{Name}' from {Address}: too many failures, retry in {Seconds} s")]
    private partial void LogRefused(string name, string address, int seconds);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "console audit of {Action} not written: {Error}")]
    private partial void LogAuditFailed(string action, string error);
}
