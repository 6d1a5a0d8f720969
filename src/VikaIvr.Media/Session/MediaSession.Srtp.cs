using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// SRTP on the session's packets: protected in place after the RTP/RTCP packet is written (under the
/// send gate, so the pacer path stays as it was), unprotected into the session's own buffers before a
/// received packet is parsed. A packet that fails authentication or replays is dropped and counted,
/// before it can latch the send address or reach the statistics.
/// </summary>
public sealed partial class MediaSession
{
    // Taken with the first SRTP policy (a plain call never needs them), before _srtp publishes it.
    private byte[]? _srtpRtpIn;
    private byte[]? _srtpRtcpIn;
    // Every policy's session until close (a receive thread may still be inside one replaced): an
    // array replaced whole, so a plain call holds none (the shared empty one).
    private SrtpSession[] _srtpSessions = [];
    private volatile SrtpSession? _srtp;

    /// <summary>True when the current media is SRTP.</summary>
    public bool IsSecure => _srtp is not null;

    /// <summary>Switches protection to what the (re-)negotiation agreed; the same policy object keeps the running contexts.</summary>
    private void UpdateSrtp(SrtpPolicy? policy)
    {
        if (policy is null)
        {
            _srtp = null;
            return;
        }

        if (ReferenceEquals(_srtp?.Policy, policy))
        {
            return;
        }

        var session = new SrtpSession(policy);
        _srtpRtpIn ??= new byte[MaxPacket];
        _srtpRtcpIn ??= new byte[MaxPacket];
        SrtpSession[] seen, added;
        do
        {
            seen = Volatile.Read(ref _srtpSessions);
            added = [.. seen, session];
        }
        while (Interlocked.CompareExchange(ref _srtpSessions, added, seen) != seen);

        _srtp = session;
    }

    /// <summary>Protects the packet in <paramref name="buffer"/> when the stream is SRTP; returns the length to send.</summary>
    private int ProtectRtp(byte[] buffer, int length) => _srtp is { } srtp ? srtp.ProtectRtp(buffer, length) : length;

    private int ProtectRtcp(byte[] buffer, int length) => _srtp is { } srtp ? srtp.ProtectRtcp(buffer, length) : length;

    /// <summary>False when the datagram must be dropped; otherwise <paramref name="datagram"/> is the plain packet.</summary>
    private bool TryUnprotect(ref ReadOnlySpan<byte> datagram, bool rtcp)
    {
        if (_srtp is not { } srtp)
        {
            return true;
        }

        var buffer = (rtcp ? _srtpRtcpIn : _srtpRtpIn)!;
        if (datagram.Length > buffer.Length)
        {
            return false;
        }

        datagram.CopyTo(buffer);
        var packet = buffer.AsSpan(0, datagram.Length);
        try
        {
            var result = rtcp ? srtp.UnprotectRtcp(packet, out int length) : srtp.UnprotectRtp(packet, out length);
            datagram = buffer.AsSpan(0, length);
            return result == SrtpUnprotectResult.Ok;
        }
        catch (ObjectDisposedException)
        {
            // A packet racing the close.
            return false;
        }
    }

    private (long AuthenticationFailures, long Replayed) SrtpDrops()
    {
        long failures = 0;
        long replayed = 0;
        foreach (var s in Volatile.Read(ref _srtpSessions))
        {
            failures += s.AuthenticationFailures + s.Malformed;
            replayed += s.Replayed;
        }

        return (failures, replayed);
    }

    private void DisposeSrtp()
    {
        _srtp = null;
        foreach (var s in Interlocked.Exchange(ref _srtpSessions, []))
        {
            s.Dispose();
        }
    }
}
