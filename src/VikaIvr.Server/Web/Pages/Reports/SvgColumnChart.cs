using System.Globalization;
using System.Net;
using System.Text;

namespace VikaIvr.Server.Web.Pages.Reports;

/// <summary>
/// Vertical bars as inline SVG (calls per hour), rendered on the server; the viewBox keeps its shape
/// at any width. With many bars only every n-th label is written, so labels never overlap.
/// </summary>
public static class SvgColumnChart
{
    private const int Width = 400, Height = 200, Left = 30, Right = 6, Top = 16, Bottom = 24;
    private const int MaxLabels = 8;

    public static string Render(IReadOnlyList<ChartBar> bars, string title, string test)
    {
        ArgumentNullException.ThrowIfNull(bars);
        int n = Math.Max(1, bars.Count);
        int max = 1;
        foreach (var b in bars) max = Math.Max(max, b.Value);
        double slot = (double)(Width - Left - Right) / n;
        double barWidth = Math.Max(1, slot * 0.8);
        int plot = Height - Top - Bottom;
        int every = (int)Math.Ceiling((double)n / MaxLabels);

        var svg = new StringBuilder(256 + bars.Count * 260);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" data-test=\"{Enc(test)}\" role=\"img\" aria-label=\"{Enc(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" style=\"max-width:640px\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Enc(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plot}\" x2=\"{Width - Right}\" y2=\"{Top + plot}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + plot}\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">0</text>");
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            double h = (double)plot * b.Value / max;
            double x = Left + i * slot + (slot - barWidth) / 2;
            string attr = b.Test is null ? "" : $" data-test=\"{Enc(b.Test)}\"";
            svg.Append(CultureInfo.InvariantCulture, $"<rect{attr} data-value=\"{b.Value}\" x=\"{x:0.##}\" y=\"{Top + plot - h:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\" fill=\"#4a90c2\"><title>{Enc(b.Label)}: {b.Value}</title></rect>");
            if (i % every == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2:0.##}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">{Enc(b.Label)}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
