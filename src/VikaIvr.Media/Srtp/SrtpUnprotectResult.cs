namespace VikaIvr.Media.Srtp;

/// <summary>What became of a received SRTP or SRTCP packet; everything but <see cref="Ok"/> is dropped and counted.</summary>
public enum SrtpUnprotectResult
{
    Ok,

    /// <summary>Too short, not RTP version 2, or a header longer than the packet.</summary>
    Malformed,

    /// <summary>The authentication tag did not match (a forgery, a wrong key or a corrupted packet).</summary>
    AuthenticationFailed,

    /// <summary>Seen before, or older than the 64-packet replay window.</summary>
    Replayed,
}
