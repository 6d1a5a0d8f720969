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
    // The current policy's session; its buffers and every session since the start are in the rare
    // parts' SrtpState, made with the first policy (a plain call never needs it) before this publishes it.
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
        var rare = RareParts();
        var state = rare.Srtp ??= new SrtpState();
        SrtpSession[] seen, added;
        do
        {
            seen = Volatile.Read(ref state.Sessions);
            added = [.. seen, session];
        }
        while (Interlocked.CompareExchange(ref state.Sessions, added, seen) != seen);

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

        var state = _rare!.Srtp!;
        var buffer = rtcp ? state.RtcpIn : state.RtpIn;
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
        foreach (var s in Volatile.Read(ref _rare)?.Srtp?.Sessions ?? [])
        {
            failures += s.AuthenticationFailures + s.Malformed;
            replayed += s.Replayed;
        }

        return (failures, replayed);
    }

    private void DisposeSrtp()
    {
        _srtp = null;
        if (Volatile.Read(ref _rare)?.Srtp is not { } state)
        {
            return;
        }

        foreach (var s in Interlocked.Exchange(ref state.Sessions, []))
        {
            s.Dispose();
        }
    }

    /// <summary>What SRTP needs beside the current session, in one object a plain call never makes.</summary>
    private sealed class SrtpState
    {
        /// <summary>The receive threads' buffers: a packet is unprotected in a copy before it is parsed.</summary>
        public readonly byte[] RtpIn = new byte[MaxPacket];

        public readonly byte[] RtcpIn = new byte[MaxPacket];

        /// <summary>Every policy's session until close (a receive thread may still be inside one replaced): an array replaced whole.</summary>
        public SrtpSession[] Sessions = [];
    }
}
