using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Ports;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests.Reports;

/// <summary>`vika report`: the period, the three formats and the usage errors, over a real SQLite file.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private const string Flow = """
        start: welcome
        nodes:
          welcome:
            kind: play
            prompt: welcome
            next: menu
          menu:
            kind: menu
            prompt: main-menu
            choices:
              "1": answer
              "0": agent
            on-too-many: end
          answer:
            kind: play
            prompt: answer
            outcome: status-answered
            next: end
          agent:
            kind: transfer
            target: "sip:agent@127.0.0.1"
            on-failure: menu
          end:
            kind: hangup
        """;

    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);
    private readonly string _dir = Directory.CreateTempSubdirectory("vika-report-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Json_gives_the_figures_of_the_calls_of_the_period()
    {
        var settings = await SeedAsync();
        var (status, output, error) = await RunAsync(settings, "2026-12-05T08:00:00+07:00", "2026-12-05T12:00:00+07:00", "json");

        Assert.True(status == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("calls").GetInt32());
        Assert.Equal(2, root.GetProperty("containment").GetProperty("contained").GetInt32());
        Assert.Equal(1, root.GetProperty("transfers").GetProperty("accepted").GetInt32());
        Assert.Equal(1, root.GetProperty("abandonment").GetProperty("abandoned").GetInt32());
        Assert.Equal(4, root.GetProperty("callsPerHour").GetArrayLength());
        var funnel = root.GetProperty("funnel").EnumerateArray()
            .Select(s => (s.GetProperty("node").GetString(), s.GetProperty("entered").GetInt32(), s.GetProperty("leftHere").GetInt32())).ToList();
        Assert.Equal([("welcome", 3, 1), ("menu", 2, 0), ("answer", 1, 0), ("agent", 1, 1), ("end", 1, 1)], funnel);
    }

    [Fact]
    public async Task The_active_revision_orders_the_funnel_as_on_the_console()
    {
        var settings = await SeedAsync();
        // The active revision offers the agent first: breadth-first order puts it before the answer.
        var store = new FlowRevisionStore(await DataStore.OpenAsync(settings, TimeProvider.System, default));
        var revision = await store.AddAsync(Flow.Replace("\"1\": answer\n      \"0\": agent", "\"0\": agent\n      \"1\": answer", StringComparison.Ordinal),
            "admin", FlowRevisionSources.Console, "agent first", DateTimeOffset.UnixEpoch, default);
        await store.ActivateAsync(revision.Id, DateTimeOffset.UnixEpoch, default);

        var (status, output, error) = await RunAsync(settings, "2026-12-05", null, "json");

        Assert.True(status == 0, error);
        using var doc = JsonDocument.Parse(output);
        var funnel = doc.RootElement.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("node").GetString()).ToList();
        Assert.Equal(["welcome", "menu", "agent", "answer", "end"], funnel);

        // --flow given: that file orders it instead.
        var fileOutput = new StringWriter();
        var fileError = new StringWriter();
        int fileStatus = await VikaCommandLine.InvokeAsync(["report", "--from", "2026-12-05", "--format", "json", "--data", Path.Combine(_dir, "data"),
            "--flow", Path.Combine(_dir, "flow.yaml")], fileOutput, fileError, CancellationToken.None);
        Assert.True(fileStatus == 0, fileError.ToString());
        using var fileDoc = JsonDocument.Parse(fileOutput.ToString());
        Assert.Equal(["welcome", "menu", "answer", "agent", "end"], fileDoc.RootElement.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("node").GetString()));
    }

    [Fact]
    public async Task The_default_period_is_the_last_24_hours_to_the_end_of_the_current_hour()
    {
        var settings = await SeedAsync();
        // 5 December 12:30 Jakarta: the period is 4 December 13:00 to 5 December 13:00; the call of 4 December 09:00 is out.
        var (status, output, error) = await RunAsync(settings, null, null, "json", new DateTimeOffset(2026, 12, 5, 12, 30, 0, Jakarta));

        Assert.True(status == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2026-12-04T13:00:00+07:00", doc.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-12-05T13:00:00+07:00", doc.RootElement.GetProperty("to").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Csv_and_text_show_the_same_funnel()
    {
        var settings = await SeedAsync();
        var csv = await RunAsync(settings, "2026-12-05", null, "csv");
        var text = await RunAsync(settings, "2026-12-05", null, "text");

        Assert.Equal(0, csv.Status);
        Assert.Contains("funnel_entered,menu,2", csv.Output, StringComparison.Ordinal);
        Assert.Contains("contained,,2", csv.Output, StringComparison.Ordinal);
        Assert.Equal(0, text.Status);
        Assert.Matches(@"\n  menu +2 +0\r?\n", text.Output);
        Assert.Contains("containment       2 of 3 answered", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "yesterday", "vika report: --from needs an ISO 8601 time")]
    [InlineData("--to", "2026-02-30", "vika report: --to needs an ISO 8601 time")]
    [InlineData("--format", "xml", "--format needs text, json or csv, not 'xml'")]
    public async Task A_bad_option_value_exits_2_with_a_clear_message(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int status = await VikaCommandLine.InvokeAsync(["report", option, value, "--data", _dir], output, error, CancellationToken.None);

        Assert.Equal(2, status);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_exits_2()
    {
        var settings = await SeedAsync();
        var error = new StringWriter();

        await Assert.ThrowsAsync<CliException>(() =>
            new ReportCommand(new StringWriter(), error, new FixedClock(DateTimeOffset.UnixEpoch)).RunAsync(settings, "2026-12-05", "2026-12-04", "json", default));
    }

    private async Task<VikaSettings> SeedAsync()
    {
        string flow = Path.Combine(_dir, "flow.yaml");
        await File.WriteAllTextAsync(flow, Flow);
        var settings = SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = Path.Combine(_dir, "data"),
            ["Flow:File"] = flow,
        }).Build(), _dir);
        var db = await DataStore.OpenAsync(settings, TimeProvider.System, default);
        var store = new DbCallRecordStore(db, "node-a");
        var day = new DateTimeOffset(2026, 12, 5, 0, 0, 0, Jakarta);
        await store.SaveAsync(Call("answered", day.AddHours(9), "status-answered", "server", ["welcome", "menu", "answer", "end"], []), default);
        await store.SaveAsync(Call("transferred", day.AddHours(10), "transferred", "server", ["welcome", "menu", "agent"],
            ["transfer sip:agent@127.0.0.1: accepted (202 Accepted)"]), default);
        await store.SaveAsync(Call("hung-up", day.AddHours(11).AddMinutes(59), "caller-hangup", "caller", ["welcome"], ["caller hung up"]), default);
        await store.SaveAsync(Call("yesterday", day.AddHours(-15), "status-answered", "server", ["welcome"], []), default);
        return settings;
    }

    private static CallRecord Call(string id, DateTimeOffset start, string outcome, string endedBy, string[] nodes, string[] events)
    {
        var r = new CallRecord
        {
            CallId = id, Caller = "sip:0812@127.0.0.1", Called = "165", StartedAt = start.ToUniversalTime(),
            AnsweredAt = start.ToUniversalTime().AddSeconds(1), EndedAt = start.ToUniversalTime().AddSeconds(31),
            EndReason = endedBy == "caller" ? "caller-hangup" : "server-hangup", EndedBy = endedBy, Outcome = outcome,
        };
        r.Nodes.AddRange(nodes);
        r.Events.AddRange(events);
        r.DtmfMethods.Add("rfc4733");
        return r;
    }

    private static async Task<(int Status, string Output, string Error)> RunAsync(VikaSettings settings, string? from, string? to, string format, DateTimeOffset? now = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = new FixedClock(now ?? new DateTimeOffset(2026, 12, 6, 0, 0, 0, Jakarta));
        int status = await CommandRunner.RunAsync("report", error,
            () => new ReportCommand(output, error, clock).RunAsync(settings, from, to, format, default));
        return (status, output.ToString(), error.ToString());
    }

    /// <summary>A clock standing at one instant, in Jakarta's time zone.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
    }
}
