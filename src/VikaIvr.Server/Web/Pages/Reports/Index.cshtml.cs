using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VikaIvr.Data;
using VikaIvr.Data.Reports;
using VikaIvr.Flows.Model;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Web.Auth;
using VikaIvr.Server.Web.Text;

namespace VikaIvr.Server.Web.Pages.Reports;

/// <summary>
/// /reports (supervisor, admin): the figures of a period, from the same <see cref="CallReportReader"/>
/// and <see cref="CallReportBuilder"/> as `vika report`; the period as `vika report` takes it (no
/// bounds: the last 24 hours to the end of the current hour). ?handler=json gives the report's
/// JSON, exactly as `vika report --format json` writes it.
/// </summary>
[Authorize(Policy = ConsolePolicies.Reports)]
public sealed class IndexModel(ConsoleData data, CallFlowsService flows, TimeProvider clock, IStringLocalizer<ReportsText> text) : PageModel
{
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public CallReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The period shown, as datetime-local values in the server's time zone.</summary>
    public string FromInput { get; private set; } = "";

    public string ToInput { get; private set; } = "";

    /// <summary>The query string that asks for the same period (for the JSON link).</summary>
    public string PeriodQuery { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Report is null) return BadRequest(Error ?? "");
        return Content(CallReportJson.Format(Report), "application/json");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var zone = clock.LocalTimeZone;
        var period = ReportPeriod.Resolve(From, To, clock.GetUtcNow(), zone, out var problem);
        if (problem is not null)
        {
            Error = PeriodError(zone);
            ShowPeriod(period, zone);
            return;
        }

        ShowPeriod(period, zone);
        try
        {
            Report = await new CallReportReader(data.Database).ReadAsync(period.From, period.To, Flow(), ct);
        }
        catch (ConsoleNotReadyException)
        {
            Error = text["NotReady"];
        }
        catch (DataStoreException ex)
        {
            Error = string.Format(CultureInfo.CurrentCulture, text["DatabaseError"], ex.Message);
        }
    }

    /// <summary>The flow the calls run orders the funnel; before it is loaded, traffic does.</summary>
    private FlowDefinition? Flow()
    {
        try
        {
            return flows.Flow;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private string PeriodError(TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(From) && !ReportPeriod.TryParseTime(From, zone, out _)) return string.Format(CultureInfo.CurrentCulture, text["BadTime"], From);
        if (!string.IsNullOrWhiteSpace(To) && !ReportPeriod.TryParseTime(To, zone, out _)) return string.Format(CultureInfo.CurrentCulture, text["BadTime"], To);
        var from = string.IsNullOrWhiteSpace(From) ? (DateTimeOffset?)null : Parse(From, zone);
        var to = string.IsNullOrWhiteSpace(To) ? (DateTimeOffset?)null : Parse(To, zone);
        return from is { } f && to is { } t && t <= f ? text["EmptyPeriod"] : string.Format(CultureInfo.CurrentCulture, text["TooLong"], CallReportBuilder.MaxPeriod.TotalDays);
    }

    private static DateTimeOffset Parse(string s, TimeZoneInfo zone) => ReportPeriod.TryParseTime(s, zone, out var t) ? t : default;

    private void ShowPeriod(ReportPeriod period, TimeZoneInfo zone)
    {
        FromInput = TimeZoneInfo.ConvertTime(period.From, zone).ToString(InputFormat, CultureInfo.InvariantCulture);
        ToInput = TimeZoneInfo.ConvertTime(period.To, zone).ToString(InputFormat, CultureInfo.InvariantCulture);
        PeriodQuery = $"from={Uri.EscapeDataString(CallReportJson.Time(period.From))}&to={Uri.EscapeDataString(CallReportJson.Time(period.To))}";
    }
}
