using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Telephony.Calls;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Telephony.Tests.Metrics;

/// <summary>What one ended call adds to the call instruments: outcome and end reason, digits per source, RTP.</summary>
public sealed class CallMetricsTests
{
    [Fact]
    public void An_ended_call_adds_its_outcome_digits_and_rtp_figures_without_personal_data()
    {
        using var meters = new MeterCapture();
        var metrics = new CallMetrics(meters);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var digits = new DigitQueue(time);
        foreach (var key in "3171011708850001")
        {
            digits.Post(key, DtmfSource.Rfc4733);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        digits.Post('9', DtmfSource.SipInfo);
        var record = new CallRecord { CallId = "c1", Caller = "081234567890", Called = "165" };
        record.Outcome = "status-answered";
        record.EndReason = "caller-hangup";
        record.RtpPacketsSent = 500;
        record.RtpPacketsReceived = 480;
        record.RtpPacketsLost = 3;
        record.RtpJitterMs = 4.5;

        metrics.Started();
        metrics.Answered();
        metrics.Ended(record, digits);
        metrics.Finished();

        Assert.Equal(1, meters.Sum("vika.calls.ended", "end_reason=caller-hangup,outcome=status-answered"));
        Assert.Equal(1, meters.Sum("vika.calls.answered"));
        Assert.Equal(0, meters.Sum("vika.calls.active"));
        Assert.Equal(16, meters.Sum("vika.dtmf.digits", "source=rfc4733"));
        Assert.Equal(1, meters.Sum("vika.dtmf.digits", "source=info"));
        Assert.Equal(500, meters.Sum("vika.rtp.packets.sent"));
        Assert.Equal(480, meters.Sum("vika.rtp.packets.received"));
        Assert.Equal(3, meters.Sum("vika.rtp.packets.lost"));
        Assert.Equal(4.5, meters.Sum("vika.rtp.jitter"));
        Assert.DoesNotContain(meters.All.Keys, k => k.Contains("081234567890", StringComparison.Ordinal) || k.Contains("3171", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_without_outcome_or_end_reason_is_counted_under_fixed_words()
    {
        using var meters = new MeterCapture();
        var metrics = new CallMetrics(meters);

        metrics.Ended(new CallRecord { CallId = "c2", Caller = "1", Called = "165" }, new DigitQueue(TimeProvider.System));

        Assert.Equal(1, meters.Sum("vika.calls.ended", "end_reason=unknown,outcome=none"));
        Assert.Equal(0, meters.Sum("vika.rtp.jitter"));
    }
}
