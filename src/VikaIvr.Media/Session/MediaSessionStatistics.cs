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
    bool RemoteByeReceived)
{
    /// <summary>SRTP/SRTCP packets dropped because they did not authenticate (or were too short to).</summary>
    public long SrtpAuthenticationFailures { get; init; }

    /// <summary>SRTP/SRTCP packets dropped as replays or older than the replay window.</summary>
    public long SrtpReplayed { get; init; }
}
