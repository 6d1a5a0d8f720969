namespace VikaIvr.Server.Web.Pages.Reports;

/// <summary>One bar of a report chart: <paramref name="Part"/> is drawn darker inside it (the funnel's
/// "left here"); <paramref name="Test"/> becomes the bar's data-test attribute.</summary>
public sealed record ChartBar(string Label, int Value, int Part = 0, string? Test = null);
