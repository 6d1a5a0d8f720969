using System.Xml.Linq;
using VikaIvr.Server.Web.Pages.Reports;

namespace VikaIvr.Server.Tests.Reports;

/// <summary>The reports page's server-rendered SVG: well-formed, scaled to the largest bar, labels escaped.</summary>
public sealed class ReportChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bars_are_scaled_to_the_largest_and_the_part_is_drawn_inside()
    {
        var svg = XElement.Parse(SvgBarChart.Render(
            [new ChartBar("welcome", 10, 0, "bar-welcome"), new ChartBar("main-menu", 5, 5, "bar-main-menu"), new ChartBar("info", 0)],
            "Funnel", b => $"{b.Value}/{b.Part}", "chart-funnel"));

        Assert.Equal("chart-funnel", (string?)svg.Attribute("data-test"));
        Assert.Equal("100%", (string?)svg.Attribute("width"));
        var groups = svg.Elements(Svg + "g").ToList();
        Assert.Equal(3, groups.Count);
        double Width(XElement g, int i) => double.Parse((string)g.Elements(Svg + "rect").ElementAt(i).Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(184, Width(groups[0], 1));
        Assert.Equal(92, Width(groups[1], 1));
        Assert.Equal(92, Width(groups[1], 2));
        Assert.Equal(0, Width(groups[2], 1));
        Assert.Equal("5/5", groups[1].Elements(Svg + "text").Last().Value);
        Assert.Equal("bar-main-menu", (string?)groups[1].Attribute("data-test"));
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var markup = SvgBarChart.Render([new ChartBar("<script>&", 1)], "a \"title\"", b => "1", "t");

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.Equal("<script>&", XElement.Parse(markup).Elements(Svg + "g").Single().Elements(Svg + "text").First().Value);
    }

    [Fact]
    public void Columns_have_one_bar_per_hour_and_at_most_eight_labels()
    {
        var bars = Enumerable.Range(0, 48).Select(i => new ChartBar($"{i % 24:00}", i == 5 ? 8 : 2, 0, $"hour-{i}")).ToList();

        var svg = XElement.Parse(SvgColumnChart.Render(bars, "Calls per hour", "chart-hours"));

        var rects = svg.Elements(Svg + "rect").ToList();
        Assert.Equal(48, rects.Count);
        Assert.Equal("8", (string?)rects[5].Attribute("data-value"));
        Assert.Equal(160, double.Parse((string)rects[5].Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40, double.Parse((string)rects[0].Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(svg.Elements(Svg + "text").Count(t => (string?)t.Attribute("text-anchor") == "middle"), 1, 8);
    }
}
