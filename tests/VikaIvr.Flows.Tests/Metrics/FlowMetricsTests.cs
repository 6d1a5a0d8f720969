using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Runtime;
using VikaIvr.Flows.Tests.Fakes;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Flows.Tests.Metrics;

/// <summary>Node entries and exits (the drop-off) as the interpreter counts them, and digits per source.</summary>
public sealed class FlowMetricsTests
{
    private const string Head = """
        clock 2026-11-23T10:00:00+07:00
        call 165 from 081234567890
        expect prompt welcome
        expect prompt main-menu
        """;

    [Fact]
    public async Task Every_node_of_a_call_the_flow_ends_is_entered_and_exited_once()
    {
        using var meters = new MeterCapture();
        var h = new Harness { Metrics = new FlowMetrics(meters) };

        var r = await h.RunAsync(Head + "\n" + """
            press 5
            expect prompt invalid-choice
            expect prompt main-menu
            press *
            expect prompt invalid-choice
            expect prompt main-menu
            press 9
            expect prompt invalid-choice
            expect prompt goodbye
            expect hangup
            """);

        Assert.True(r.Passed, r.Format());
        foreach (var node in r.Record!.Nodes.Distinct())
        {
            double visits = r.Record.Nodes.Count(n => n == node);
            Assert.Equal(visits, meters.Sum("vika.flow.node.entries", $"flow=vika,node={node}"));
            Assert.Equal(visits, meters.Sum("vika.flow.node.exits", $"flow=vika,node={node}"));
        }

        Assert.Equal(1, meters.Sum("vika.flow.node.exits", "flow=vika,node=end"));
    }

    [Fact]
    public async Task A_caller_hanging_up_in_a_node_enters_it_without_an_exit()
    {
        using var meters = new MeterCapture();
        var h = new Harness { Metrics = new FlowMetrics(meters) };

        var r = await h.RunAsync(Head + "\n" + """
            press 1
            expect prompt vika-menu
            hangup
            """);

        Assert.True(r.Passed, r.Format());
        Assert.Equal(1, meters.Sum("vika.flow.node.entries", "flow=vika,node=main-menu"));
        Assert.Equal(1, meters.Sum("vika.flow.node.exits", "flow=vika,node=main-menu"));
        Assert.Equal(1, meters.Sum("vika.flow.node.entries", "flow=vika,node=vika-menu"));
        Assert.Equal(0, meters.Sum("vika.flow.node.exits", "flow=vika,node=vika-menu"));
        Assert.DoesNotContain(meters.All.Keys, k => k.Contains("081234567890", StringComparison.Ordinal));
    }

    [Fact]
    public void The_digit_queue_counts_accepted_digits_per_source_not_duplicates()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var queue = new DigitQueue(time);

        queue.Post('1', DtmfSource.Rfc4733);
        queue.Post('1', DtmfSource.InBand); // the same key leaking in-band: a duplicate
        time.Advance(TimeSpan.FromSeconds(1));
        queue.Post('2', DtmfSource.SipInfo);
        queue.Post('x', DtmfSource.SipInfo); // not a key

        Assert.Equal(1, queue.AcceptedFrom(DtmfSource.Rfc4733));
        Assert.Equal(0, queue.AcceptedFrom(DtmfSource.InBand));
        Assert.Equal(1, queue.AcceptedFrom(DtmfSource.SipInfo));
    }
}
