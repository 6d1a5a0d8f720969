using System.Diagnostics.Metrics;

namespace VikaIvr.Media.Clock;

/// <summary>
/// The media clock's figures as instruments (meter "VikaIvr"), read from the clock's own
/// lock-free statistics when scraped — the pacers record nothing extra per frame: frames sent
/// (a counter) and how late they went out (p99 and maximum of the clock's current lateness
/// window, which the periodic health line starts afresh every Server:StatsSeconds).
/// </summary>
public sealed class MediaClockMetrics
{
    public const string MeterName = "VikaIvr";

    public MediaClockMetrics(IMeterFactory meters, MediaClock clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(clock);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("vika.media.frames", () => clock.FramesDue, "{frame}", "Frames the media clock handed to calls to send");
        meter.CreateObservableGauge("vika.media.send.lateness.p99", () => clock.GetLateness().PercentileMicroseconds(99) / 1000.0, "ms",
            "99th percentile of how late frames were sent, over the current window");
        meter.CreateObservableGauge("vika.media.send.lateness.max", () => clock.GetLateness().MaxMicroseconds / 1000.0, "ms",
            "The latest any frame was sent, over the current window");
        meter.CreateObservableGauge("vika.media.streams", () => clock.StreamCount, "{stream}", "Streams on the media clock");
        meter.CreateObservableCounter("vika.media.send.batched", () => clock.BatchedSends.Datagrams, "{datagram}",
            "Datagrams the pacers sent in batches (a shared RTP port's frames of a slot, one sendmmsg)");
        meter.CreateObservableCounter("vika.media.send.batches", () => clock.BatchedSends.Calls, "{call}", "sendmmsg calls that sent them");
        meter.CreateObservableCounter("vika.media.send.batch.refused", () => clock.BatchedSends.Refused, "{datagram}",
            "Batched datagrams the kernel refused (a full socket buffer, a queued ICMP error): dropped, the rest of the batch still sent");
    }
}
