using System.Diagnostics.Metrics;
using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Shared;

/// <summary>
/// A shared RTP port's figures as instruments (meter "VikaIvr"), read from the port when scraped:
/// the calls told apart there now, and the datagrams nobody claimed (an unknown sender or SSRC: a
/// caller whose media come from elsewhere than its SDP said, or a stray).
/// </summary>
public sealed class SharedRtpPortMetrics
{
    public SharedRtpPortMetrics(IMeterFactory meters, SharedRtpPort port)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(port);
        var meter = meters.Create(MediaClockMetrics.MeterName);
        meter.CreateObservableGauge("vika.rtp.shared.calls", () => port.Calls, "{call}", "Calls on the shared RTP port (Media:SharedRtpPort)");
        meter.CreateObservableCounter("vika.rtp.shared.unmatched", () => port.Unmatched, "{datagram}",
            "Datagrams to the shared RTP port that no call claimed (unknown sender or SSRC), dropped");
    }
}
