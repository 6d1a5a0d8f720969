using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.Audit;
using VikaIvr.Jkn.Time;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages;

/// <summary>/audit (admins): who changed what and when, newest first, <see cref="PageSize"/> a page (?page=N).</summary>
[Authorize(Policy = ConsolePolicies.Audit)]
public sealed class AuditModel(ConsoleData data) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>1-based.</summary>
    public int PageNumber { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    public long Total { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        var audit = data.Audit;
        Total = await audit.CountAsync(ct);
        Pages = (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, Pages);
        Entries = await audit.GetPageAsync((PageNumber - 1) * PageSize, PageSize, ct);
    }

    /// <summary>An entry's time in Jakarta time (WIB), as the line's people read it.</summary>
    public static string Local(string at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
            ? t.ToOffset(JakartaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : at;
}
