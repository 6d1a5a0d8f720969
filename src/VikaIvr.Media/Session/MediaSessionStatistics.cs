namespace VikaIvr.Media.Session;

/// <summary>A snapshot of one session's figures, for the call record.</summary>
public sealed record MediaSessionStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long OctetsReceived,
    long PacketsLost,
    double JitterMs,
    long StrictRtpDropped,
    long MalformedPackets,
    long IcmpErrors,
    long RtcpReportsSent,
    bool RemoteByeReceived);
