using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Web.Dashboard;

namespace VikaIvr.Server.Web.Pages;

/// <summary>
/// /: the dashboard (every signed-in role): calls in progress, calls in the last hour and today,
/// today's outcomes, readiness check by check. GET /?handler=Live answers the same figures as an
/// HTML fragment, which the page's script fetches every few seconds (same sign-in as the page).
/// </summary>
public sealed class IndexModel(DashboardReader reader) : PageModel
{
    /// <summary>How often the page refreshes its figures.</summary>
    public const int RefreshSeconds = 3;

    public DashboardFigures Figures { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Figures = await reader.ReadAsync(ct);

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        Figures = await reader.ReadAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return Partial("IndexFigures", Figures);
    }
}
