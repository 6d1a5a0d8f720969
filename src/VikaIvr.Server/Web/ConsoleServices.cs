using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Service;
using VikaIvr.Server.Web.Auth;

// Resource names follow the namespaces (the assembly is called "vika").
[assembly: RootNamespace("VikaIvr.Server")]

namespace VikaIvr.Server.Web;

/// <summary>
/// The operators' and supervisors' web console inside the admin endpoint's web app: Razor Pages
/// under Console/Pages, cookie sign-in with roles (<see cref="ConsolePolicies"/>), antiforgery on
/// every form (Razor Pages validate it on every POST), Indonesian labels by default and English by
/// choice. What the pages read from `serve` is handed over here, one line per service.
/// </summary>
public static class ConsoleServices
{
    public const string CookieName = "vika.console";
    public const string DefaultCulture = "id";
    public static IReadOnlyList<string> Cultures { get; } = [DefaultCulture, "en"];

    public static IServiceCollection AddVikaConsole(this IServiceCollection services, IServiceProvider serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        // serve's own objects, shared (not copies): the pages see the live server.
        services.AddSingleton(serve.GetRequiredService<TimeProvider>());
        services.AddSingleton(serve.GetRequiredService<VikaServices>());
        services.AddSingleton(serve.GetRequiredService<VikaSettings>());
        services.AddSingleton(serve.GetRequiredService<CallFlowsService>());
        services.AddSingleton(serve.GetRequiredService<SipStackService>());
        services.AddSingleton(serve.GetRequiredService<ServiceReadiness>());
        services.AddSingleton<ConsoleData>();
        services.AddSingleton<ConsolePasswords>();
        services.AddSingleton<Prompts.PromptsConsole>();
        services.AddSingleton<ConsoleCookieEvents>();
        services.AddSignInLimits(new SignInLimits());
        services.AddConsoleKeys(serve.GetRequiredService<VikaServices>().DataDirectory);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Dashboard.DashboardReader>(sp, serve.GetServices<IReadinessCheck>()));

        // The pages are found in the application's assembly (the admin app is named after it).
        services.AddRazorPages(o => o.RootDirectory = "/Web/Pages");
        services.AddLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vika.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/denied";
            o.EventsType = typeof(ConsoleCookieEvents);
        });
        services.AddAuthorization(ConsolePolicies.Add);
        return services;
    }

    /// <summary>The console's middleware and pages, after the admin routes that need no sign-in.</summary>
    public static void UseVikaConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }
}
