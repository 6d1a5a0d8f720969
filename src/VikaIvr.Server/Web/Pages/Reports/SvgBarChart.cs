using System.Globalization;
using System.Net;
using System.Text;

namespace VikaIvr.Server.Web.Pages.Reports;

/// <summary>
/// Horizontal bars as inline SVG (the funnel, the DTMF mix), rendered on the server: no script, and a
/// viewBox about a phone's width, drawn at 100 % (at most 560 px), so its text stays readable on both. Each bar shows its value; a part
/// (the calls that left at a node) is drawn darker from the bar's start.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 380, LabelWidth = 140, ValueWidth = 56, Row = 24, BarHeight = 17, Top = 4;
    private const int BarArea = Width - LabelWidth - ValueWidth;

    /// <param name="title">The chart's accessible name (also its SVG title).</param>
    /// <param name="valueText">How a bar's numbers read, e.g. v => $"{v.Value} / {v.Part}".</param>
    public static string Render(IReadOnlyList<ChartBar> bars, string title, Func<ChartBar, string> valueText, string test)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(valueText);
        int height = Top * 2 + Math.Max(1, bars.Count) * Row;
        int max = 1;
        foreach (var b in bars) max = Math.Max(max, b.Value);

        var svg = new StringBuilder(256 + bars.Count * 320);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" data-test=\"{Enc(test)}\" role=\"img\" aria-label=\"{Enc(title)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:560px\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Enc(title)}</title>");
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            int y = Top + i * Row;
            double w = b.Value == 0 ? 0 : Math.Max(1.5, (double)BarArea * b.Value / max);
            double p = b.Part == 0 ? 0 : Math.Max(1.5, (double)BarArea * Math.Min(b.Part, b.Value) / max);
            string attr = b.Test is null ? "" : $" data-test=\"{Enc(b.Test)}\"";
            svg.Append(CultureInfo.InvariantCulture, $"<g{attr}>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight - 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{Enc(Short(b.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{BarArea}\" height=\"{BarHeight}\" fill=\"#eef2f6\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{BarHeight}\" fill=\"#4a90c2\"/>");
            if (p > 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{p:0.#}\" height=\"{BarHeight}\" fill=\"#c0504d\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarArea + 6}\" y=\"{y + BarHeight - 4}\" font-size=\"12\" fill=\"#222\">{Enc(valueText(b))}</text>");
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Short(string label) => label.Length <= 22 ? label : label[..21] + "…";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
