namespace VikaIvr.Media.Srtp;

/// <summary>
/// One call's SRTP and SRTCP, both ways, from an SDES <see cref="SrtpPolicy"/>: our key protects what we
/// send, the peer's key unprotects what we receive. Per-packet calls allocate nothing and never throw
/// for a bad packet: it is refused and counted. Each of the four directions (RTP out, RTCP out, RTP in,
/// RTCP in) may run on its own thread, but each on one thread at a time.
/// </summary>
public sealed class SrtpSession : IDisposable
{
    private readonly SrtpRtpContext _rtpOut;
    private readonly SrtpRtpContext _rtpIn;
    private readonly SrtcpContext _rtcpOut;
    private readonly SrtcpContext _rtcpIn;
    private long _authenticationFailures;
    private long _replayed;
    private long _malformed;

    public SrtpSession(SrtpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        int tag = policy.Suite.RtpTagLength();
        _rtpOut = new SrtpRtpContext(policy.LocalKey, tag);
        _rtpIn = new SrtpRtpContext(policy.RemoteKey, tag);
        _rtcpOut = new SrtcpContext(policy.LocalKey);
        _rtcpIn = new SrtcpContext(policy.RemoteKey);
    }

    public SrtpPolicy Policy { get; }

    /// <summary>Bytes SRTP adds to an RTP packet (the tag).</summary>
    public int RtpOverhead => _rtpOut.TagLength;

    /// <summary>Bytes SRTCP adds to a compound RTCP packet.</summary>
    public static int RtcpOverhead => SrtcpContext.Overhead;

    /// <summary>Received packets whose tag did not match.</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    /// <summary>Received packets refused as replays (or too old for the window).</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Received packets too short or not RTP/RTCP.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Protects the RTP packet in <paramref name="buffer"/>[..length] in place; the buffer needs <see cref="RtpOverhead"/> more bytes. Returns the SRTP length.</summary>
    public int ProtectRtp(Span<byte> buffer, int length) => _rtpOut.Protect(buffer, length);

    /// <summary>Protects the compound RTCP packet in place; the buffer needs <see cref="RtcpOverhead"/> more bytes. Returns the SRTCP length.</summary>
    public int ProtectRtcp(Span<byte> buffer, int length) => _rtcpOut.Protect(buffer, length);

    /// <summary>Authenticates and decrypts a received SRTP packet in place; on <see cref="SrtpUnprotectResult.Ok"/>, <paramref name="length"/> is the RTP length.</summary>
    public SrtpUnprotectResult UnprotectRtp(Span<byte> packet, out int length) => Count(_rtpIn.Unprotect(packet, out length));

    /// <summary>Authenticates and decrypts a received SRTCP packet in place.</summary>
    public SrtpUnprotectResult UnprotectRtcp(Span<byte> packet, out int length) => Count(_rtcpIn.Unprotect(packet, out length));

    public void Dispose()
    {
        _rtpOut.Dispose();
        _rtpIn.Dispose();
        _rtcpOut.Dispose();
        _rtcpIn.Dispose();
    }

    private SrtpUnprotectResult Count(SrtpUnprotectResult result)
    {
        switch (result)
        {
            case SrtpUnprotectResult.AuthenticationFailed:
                Interlocked.Increment(ref _authenticationFailures);
                break;
            case SrtpUnprotectResult.Replayed:
                Interlocked.Increment(ref _replayed);
                break;
            case SrtpUnprotectResult.Malformed:
                Interlocked.Increment(ref _malformed);
                break;
        }

        return result;
    }
}
