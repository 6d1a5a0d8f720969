using System.Text.Json;
using VikaIvr.Data.Reports;

namespace VikaIvr.Data.Tests.Reports;

/// <summary>The machine forms keep their names: scripts and the interop tests read them.</summary>
public sealed class CallReportFormatTests
{
    private static CallReport Report() => CallReportBuilder.Build(ReportCalls.All(), ReportCalls.Flow(), ReportCalls.From, ReportCalls.To);

    [Fact]
    public void Json_has_the_documented_property_names_and_values()
    {
        using var doc = JsonDocument.Parse(CallReportJson.Format(Report()));
        var root = doc.RootElement;

        Assert.Equal("2026-12-05T08:00:00+00:00", root.GetProperty("from").GetString());
        Assert.Equal("2026-12-05T11:00:00+00:00", root.GetProperty("to").GetString());
        Assert.Equal(7, root.GetProperty("calls").GetInt32());
        Assert.Equal(1, root.GetProperty("inProgress").GetInt32());
        Assert.Equal(6, root.GetProperty("answered").GetInt32());
        Assert.Equal(5, root.GetProperty("containment").GetProperty("contained").GetInt32());
        Assert.Equal(0.8333, root.GetProperty("containment").GetProperty("rate").GetDouble());
        Assert.Equal(1, root.GetProperty("transfers").GetProperty("accepted").GetInt32());
        Assert.Equal(1, root.GetProperty("transfers").GetProperty("failed").GetInt32());
        Assert.Equal(4, root.GetProperty("abandonment").GetProperty("abandoned").GetInt32());
        Assert.Equal(27, root.GetProperty("handleTime").GetProperty("averageSeconds").GetDouble());
        Assert.Equal(60, root.GetProperty("handleTime").GetProperty("p90Seconds").GetDouble());
        Assert.Equal(3, root.GetProperty("callsPerHour")[0].GetProperty("calls").GetInt32());
        Assert.Equal("rfc4733", root.GetProperty("dtmfMethods")[0].GetProperty("method").GetString());
        Assert.Equal(3, root.GetProperty("verificationFailures").GetProperty("failures").GetInt32());
        Assert.Equal(1, root.GetProperty("systemBusy").GetProperty("occurrences").GetInt32());
        var menu = root.GetProperty("funnel")[1];
        Assert.Equal("menu", menu.GetProperty("node").GetString());
        Assert.Equal(5, menu.GetProperty("entered").GetInt32());
        Assert.Equal(2, menu.GetProperty("leftHere").GetInt32());
        Assert.Equal("caller-hangup", root.GetProperty("outcomes")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void Json_times_keep_their_plus_sign_readable()
    {
        var r = CallReportBuilder.Build([], null, ReportCalls.From.ToOffset(TimeSpan.FromHours(7)), ReportCalls.To);

        Assert.Contains("\"from\": \"2026-12-05T15:00:00+07:00\"", CallReportJson.Format(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_handle_times_writes_null()
    {
        using var doc = JsonDocument.Parse(CallReportJson.Format(CallReportBuilder.Build([], null, ReportCalls.From, ReportCalls.To)));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("handleTime").GetProperty("p90Seconds").ValueKind);
    }

    [Fact]
    public void Csv_is_one_long_table_of_figure_key_value()
    {
        var text = new StringWriter();
        CallReportCsv.Write(text, Report());
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("figure,key,value", lines[0]);
        Assert.Contains("calls,,7", lines);
        Assert.Contains("containment_rate,,0.8333", lines);
        Assert.Contains("handle_time_p90_seconds,,60", lines);
        Assert.Contains("calls_per_hour,2026-12-05T09:00:00+00:00,2", lines);
        Assert.Contains("funnel_entered,menu,5", lines);
        Assert.Contains("funnel_left_here,menu,2", lines);
        Assert.Contains("funnel_entered,info,0", lines);
        Assert.Contains("dtmf_method,inband,1", lines);
        Assert.All(lines, l => Assert.Equal(2, l.Count(c => c == ',')));
    }

    [Fact]
    public void Text_shows_the_headline_figures_and_the_funnel()
    {
        var text = new StringWriter();
        CallReportText.Write(text, Report());
        var s = text.ToString();

        Assert.Contains("containment       5 of 6 answered (83.3%)", s, StringComparison.Ordinal);
        Assert.Contains("abandoned         4 of 7 (57.1%), 1 before the answer", s, StringComparison.Ordinal);
        Assert.Contains("average 27.0 s, p90 60.0 s over 6 calls", s, StringComparison.Ordinal);
        Assert.Matches(@"\n  menu +5 +2\r?\n", s);
    }
}
