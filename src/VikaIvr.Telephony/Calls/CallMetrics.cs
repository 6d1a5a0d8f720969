using System.Diagnostics;
using System.Diagnostics.Metrics;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Telephony.Calls;

/// <summary>
/// The calls' instruments (meter "VikaIvr"): calls in progress, answered (the set-up rate is
/// its rate()), ended by outcome and end reason, DTMF digits by source, and the RTP figures of
/// each call. Everything per call is recorded once when the call ends, from its record and its
/// digit queue: nothing here runs per packet or per digit. Labels are fixed words (outcome
/// names from the flow file, end reasons, DTMF methods) — never numbers a caller dialled or typed.
/// </summary>
public sealed class CallMetrics
{
    public const string MeterName = "VikaIvr";

    private static readonly DtmfSource[] Sources = [DtmfSource.Rfc4733, DtmfSource.SipInfo, DtmfSource.InBand];

    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _digits;
    private readonly Counter<long> _packetsSent;
    private readonly Counter<long> _packetsReceived;
    private readonly Counter<long> _packetsLost;
    private readonly Histogram<double> _jitter;
    private readonly Counter<long> _mediaTimeouts;

    public CallMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _active = meter.CreateUpDownCounter<long>("vika.calls.active", "{call}", "Calls in progress (from the INVITE until the record is handed over)");
        _answered = meter.CreateCounter<long>("vika.calls.answered", "{call}", "Calls answered and acknowledged (rate() of it is the call set-up rate)");
        _ended = meter.CreateCounter<long>("vika.calls.ended", "{call}", "Answered calls that ended, by the flow's outcome and the end reason");
        _digits = meter.CreateCounter<long>("vika.dtmf.digits", "{digit}", "DTMF digits accepted, by how they came (rfc4733, info, inband)");
        _packetsSent = meter.CreateCounter<long>("vika.rtp.packets.sent", "{packet}", "RTP packets sent, added when each call ends");
        _packetsReceived = meter.CreateCounter<long>("vika.rtp.packets.received", "{packet}", "RTP packets received, added when each call ends");
        _packetsLost = meter.CreateCounter<long>("vika.rtp.packets.lost", "{packet}", "RTP packets lost (sequence gaps), added when each call ends");
        _mediaTimeouts = meter.CreateCounter<long>("vika.calls.media_timeouts", "{call}", "Calls ended because the caller sent no RTP or RTCP for Media:RtpTimeoutSeconds");
        _jitter = meter.CreateHistogram("vika.rtp.jitter", "ms", "Each call's interarrival jitter at its end (RFC 3550)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 30, 50, 100, 200] });
    }

    /// <summary>A call was admitted (its INVITE taken); pair with <see cref="Finished"/>.</summary>
    public void Started() => _active.Add(1);

    /// <summary>The call is over and its record handed on (or it was refused).</summary>
    public void Finished() => _active.Add(-1);

    public void Answered() => _answered.Add(1);

    /// <summary>A call was hung up by the RTP inactivity check (its record follows with "media-timeout").</summary>
    public void MediaTimedOut() => _mediaTimeouts.Add(1);

    /// <summary>The figures of one ended call: outcome, end reason, digits per source, RTP.</summary>
    public void Ended(CallRecord record, DigitQueue digits)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(digits);
        _ended.Add(1, new TagList
        {
            { "outcome", record.Outcome.Length == 0 ? "none" : record.Outcome },
            { "end_reason", record.EndReason.Length == 0 ? "unknown" : record.EndReason },
        });
        foreach (var source in Sources)
        {
            int count = digits.AcceptedFrom(source);
            if (count > 0) _digits.Add(count, new KeyValuePair<string, object?>("source", SourceName(source)));
        }

        _packetsSent.Add(record.RtpPacketsSent);
        _packetsReceived.Add(record.RtpPacketsReceived);
        _packetsLost.Add(record.RtpPacketsLost);
        if (record.RtpPacketsReceived > 0) _jitter.Record(record.RtpJitterMs);
    }

    public static string SourceName(DtmfSource source) => source switch
    {
        DtmfSource.Rfc4733 => "rfc4733",
        DtmfSource.SipInfo => "info",
        _ => "inband",
    };
}
