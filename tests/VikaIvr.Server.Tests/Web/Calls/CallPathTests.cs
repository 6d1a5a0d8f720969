using VikaIvr.Flows.Ports;
using VikaIvr.Server.Web.Pages.Calls;

namespace VikaIvr.Server.Tests.Web.Calls;

public class CallPathTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 15, 3, 0, 0, TimeSpan.Zero);

    private static CallRecord Record(DateTimeOffset? ended, params string[] nodes)
    {
        var r = new CallRecord { CallId = "c1", Caller = "0812", Called = "165", StartedAt = Start, AnsweredAt = Start.AddMilliseconds(200), EndedAt = ended };
        r.Nodes.AddRange(nodes);
        return r;
    }

    private static IReadOnlyList<CallPathStep> Path(CallRecord record, params long[] nodeTimesMs)
    {
        record.NodeTimesMs.AddRange(nodeTimesMs);
        return CallPath.Build(record);
    }

    [Fact]
    public void Each_node_lasts_until_the_next_and_the_last_until_the_end()
    {
        var record = Record(Start.AddMilliseconds(200 + 9_500), "welcome", "main-menu", "goodbye");
        var steps = Path(record, 0, 3_200, 8_000);
        Assert.Equal(
            [new CallPathStep(1, "welcome", 0, 3_200), new CallPathStep(2, "main-menu", 3_200, 4_800), new CallPathStep(3, "goodbye", 8_000, 1_500)],
            steps);
    }

    [Fact]
    public void A_call_in_progress_has_no_time_for_its_last_node()
    {
        var steps = Path(Record(null, "welcome", "main-menu"), 0, 3_000);
        Assert.Equal(3_000, steps[0].SpentMs);
        Assert.Equal(3_000, steps[1].EnteredMs);
        Assert.Null(steps[1].SpentMs);
    }

    [Fact]
    public void A_record_without_node_times_keeps_its_path_without_times()
    {
        var steps = Path(Record(Start.AddSeconds(5), "welcome", "main-menu"));
        Assert.Equal([new CallPathStep(1, "welcome", null, null), new CallPathStep(2, "main-menu", null, null)], steps);
    }

    [Fact]
    public void A_node_revisited_is_a_step_of_its_own()
    {
        var steps = Path(Record(Start.AddMilliseconds(200 + 7_000), "main-menu", "main-menu"), 0, 4_000);
        Assert.Equal([4_000L, 3_000L], steps.Select(s => s.SpentMs!.Value));
    }

    [Fact]
    public void Speech_latencies_are_read_from_their_events_only()
    {
        var record = Record(Start.AddSeconds(30));
        record.Events.AddRange(["play welcome", "speech-latency 412 ms", "digits enter-id 3171********0001", "speech-latency 95 ms", "speech-latency x ms"]);
        Assert.Equal([412L, 95L], CallFigures.SpeechLatenciesMs(record));
        Assert.Equal(TimeSpan.FromSeconds(30), CallFigures.Duration(record));
        Assert.Null(CallFigures.Duration(Record(null)));
    }

    [Fact]
    public void Loss_is_the_share_of_packets_expected()
    {
        var record = Record(Start.AddSeconds(30));
        Assert.Equal(0, CallFigures.LossRatio(record));
        record.RtpPacketsReceived = 990;
        record.RtpPacketsLost = 10;
        Assert.Equal(0.01, CallFigures.LossRatio(record), 6);
    }
}
