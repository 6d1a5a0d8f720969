using VikaIvr.Data.Reports;

namespace VikaIvr.Data.Tests.Reports;

/// <summary>Every figure of the hand-made calls of <see cref="ReportCalls"/>, worked out by hand.</summary>
public sealed class CallReportBuilderTests
{
    private static CallReport Report() => CallReportBuilder.Build(ReportCalls.All(), ReportCalls.Flow(), ReportCalls.From, ReportCalls.To);

    [Fact]
    public void Counts_only_the_calls_that_started_in_the_period_and_keeps_running_ones_apart()
    {
        var r = Report();

        Assert.Equal(7, r.Calls);
        Assert.Equal(1, r.InProgress);
        Assert.Equal(6, r.Answered);
    }

    [Fact]
    public void The_funnel_follows_the_flow_breadth_first_with_each_call_counted_once_per_node()
    {
        var r = Report();

        Assert.Equal(
        [
            new FunnelStep("welcome", 6, 1),
            new FunnelStep("menu", 5, 2),
            new FunnelStep("verify", 3, 0),
            new FunnelStep("info", 0, 0),
            new FunnelStep("agent", 2, 1),
            new FunnelStep("bye", 2, 0),
            new FunnelStep("answer", 1, 0),
            new FunnelStep("busy", 1, 0),
            new FunnelStep("end", 2, 2),
        ], r.Funnel);
    }

    [Fact]
    public void Containment_is_answered_calls_not_transferred()
    {
        var r = Report();

        Assert.Equal(5, r.Contained);
        Assert.Equal(1, r.Transferred);
        Assert.Equal(5.0 / 6, r.ContainmentRate, 6);
    }

    [Fact]
    public void Transfers_count_attempts_and_their_outcome_from_the_events()
    {
        var r = Report();

        Assert.Equal(2, r.TransferCalls);
        Assert.Equal(2, r.TransferAttempts);
        Assert.Equal(1, r.TransfersAccepted);
        Assert.Equal(1, r.TransfersFailed);
    }

    [Fact]
    public void Abandoned_calls_are_ended_by_the_caller_before_any_outcome()
    {
        var r = Report();

        // c3 and c5 hung up in the flow, c9 in the welcome, c6 before the answer.
        Assert.Equal(4, r.Abandoned);
        Assert.Equal(1, r.AbandonedBeforeAnswer);
        Assert.Equal(4.0 / 7, r.AbandonmentRate, 6);
    }

    [Fact]
    public void Handle_time_is_answered_to_ended_with_a_nearest_rank_p90()
    {
        var r = Report();

        // 2, 10, 20, 30, 40, 60 s: mean 27 s; the 6th of 6 (ceil 5.4) is 60 s.
        Assert.Equal(6, r.HandleTimeCalls);
        Assert.Equal(TimeSpan.FromSeconds(27), r.AverageHandleTime);
        Assert.Equal(TimeSpan.FromSeconds(60), r.P90HandleTime);
    }

    [Fact]
    public void Calls_per_hour_cover_every_hour_of_the_period_with_running_calls_included()
    {
        var r = Report();

        Assert.Equal(
        [
            new HourCount(ReportCalls.At(8, 0), 3),
            new HourCount(ReportCalls.At(9, 0), 2),
            new HourCount(ReportCalls.At(10, 0), 3),
        ], r.CallsPerHour);
    }

    [Fact]
    public void The_dtmf_mix_counts_each_answered_call_once_per_method()
    {
        var r = Report();

        Assert.Equal([new NamedCount("rfc4733", 3), new NamedCount("info", 2), new NamedCount("inband", 1)], r.DtmfMethods);
        Assert.Equal(1, r.CallsWithoutDtmf);
    }

    [Fact]
    public void Verification_failures_and_system_busy_are_counted_per_occurrence_and_per_call()
    {
        var r = Report();

        Assert.Equal(3, r.VerificationFailures);
        Assert.Equal(1, r.CallsWithVerificationFailure);
        Assert.Equal(1, r.TooManyAttempts);
        Assert.Equal(1, r.SystemBusy);
        Assert.Equal(1, r.CallsWithSystemBusy);
    }

    [Fact]
    public void Outcomes_and_end_reasons_are_listed_most_frequent_first()
    {
        var r = Report();

        Assert.Equal(
        [
            new NamedCount("caller-hangup", 3), new NamedCount("none", 1), new NamedCount("status-answered", 1),
            new NamedCount("too-many-attempts", 1), new NamedCount("transferred", 1),
        ], r.Outcomes);
        Assert.Equal([new NamedCount("caller-hangup", 3), new NamedCount("server-hangup", 3), new NamedCount("cancelled", 1)], r.EndReasons);
    }

    [Fact]
    public void Without_a_flow_the_funnel_is_ordered_by_traffic_and_old_nodes_follow_the_flow()
    {
        var calls = ReportCalls.All();
        calls.Add(ReportCalls.Call("old", ReportCalls.At(10, 50), 5, "caller-hangup", "caller", "caller-hangup", ["welcome", "legacy-menu"], []));

        var noFlow = CallReportBuilder.Build(calls, null, ReportCalls.From, ReportCalls.To);
        var withFlow = CallReportBuilder.Build(calls, ReportCalls.Flow(), ReportCalls.From, ReportCalls.To);

        Assert.Equal(["welcome", "menu", "verify", "agent", "bye", "end", "answer", "busy", "legacy-menu"], noFlow.Funnel.Select(s => s.NodeId));
        Assert.Equal(new FunnelStep("legacy-menu", 1, 1), withFlow.Funnel[^1]);
        Assert.Equal(new FunnelStep("welcome", 7, 1), withFlow.Funnel[0]);
    }

    [Fact]
    public void An_empty_period_has_zero_figures_and_no_handle_time()
    {
        var r = CallReportBuilder.Build([], ReportCalls.Flow(), ReportCalls.From, ReportCalls.To);

        Assert.Equal(0, r.Calls);
        Assert.Equal(0, r.ContainmentRate);
        Assert.Equal(0, r.AbandonmentRate);
        Assert.Null(r.AverageHandleTime);
        Assert.Null(r.P90HandleTime);
        Assert.Equal(3, r.CallsPerHour.Count);
        Assert.All(r.Funnel, s => Assert.Equal(0, s.Entered));
        Assert.Equal(9, r.Funnel.Count);
    }

    [Fact]
    public void A_period_not_on_the_hour_starts_its_histogram_at_the_hour_it_falls_in()
    {
        var from = ReportCalls.At(8, 30);
        var r = CallReportBuilder.Build([ReportCalls.Call("x", ReportCalls.At(9, 59), 1, "server-hangup", "server", "", [], [])], null, from, from.AddHours(2));

        Assert.Equal([new HourCount(ReportCalls.At(8, 0), 0), new HourCount(ReportCalls.At(9, 0), 1), new HourCount(ReportCalls.At(10, 0), 0)], r.CallsPerHour);
    }

    [Fact]
    public void An_empty_or_too_long_period_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CallReportBuilder(null, ReportCalls.From, ReportCalls.From));
        Assert.Throws<ArgumentException>(() => new CallReportBuilder(null, ReportCalls.From, ReportCalls.From.AddDays(31).AddTicks(1)));
    }

    [Fact]
    public void A_transfer_with_no_agent_uri_is_a_failed_attempt()
    {
        var call = ReportCalls.Call("n", ReportCalls.At(9, 0), 5, "server-hangup", "server", "", ["agent"], ["transfer: no agent URI configured"]);

        var r = CallReportBuilder.Build([call], null, ReportCalls.From, ReportCalls.To);

        Assert.Equal((1, 1, 0, 1), (r.TransferCalls, r.TransferAttempts, r.TransfersAccepted, r.TransfersFailed));
        Assert.Equal(1, r.Contained);
    }

}
