using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Sip.Admission;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>What <see cref="SipCallStack"/> is built from: the parts started before it.</summary>
public sealed record SipCallStackParts(
    VikaSettings Settings,
    TelephonyOptions Telephony,
    IReadOnlyList<string> ServiceNumbers,
    MediaClock MediaClock,
    MediaReceiver? Receiver,
    EncodedClipCache Clips,
    ICallApplication Application,
    ICallRecordStore Records,
    TimeProvider Time,
    ILoggerFactory Loggers,
    ISipReadiness Readiness,
    SipRefusalMetrics RefusalMetrics)
{
    /// <summary>Counts the calls (active, answered, ended, digits, RTP); null: not counted.</summary>
    public CallMetrics? CallMetrics { get; init; }

    /// <summary>Where the shared RTP port's figures are published; null: not published.</summary>
    public System.Diagnostics.Metrics.IMeterFactory? Meters { get; init; }

    /// <summary>Counts the INVITE responses by status; null: not counted.</summary>
    public Sip.Core.SipMetrics? SipMetrics { get; init; }
}
