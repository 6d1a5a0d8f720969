using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Dtmf.Events;
using VikaIvr.Media.Net;
using VikaIvr.Media.Rtcp;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Session;

/// <summary>The sending half: runs on a pacer thread once per frame, allocation-free.</summary>
public sealed partial class MediaSession
{
    private static readonly DateTime NtpEpoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // RTP and RTCP are both written here, one after the other, under the send gate; sized for the
    // largest frame (MaxPtimeMs) or report (a 255-byte CNAME) with the SRTP trailer.
    // Pooled: given back at the close, under the send gate once the last report left (the pacer,
    // which re-checks the state under the gate, never touches it after).
    private byte[] _sendBuffer = ArrayPool<byte>.Shared.Rent(SendBufferBytes);

    /// <summary>
    /// The send gate: the pacer (only ever trying it) and the close. The monitor of an object the
    /// session has anyway, not a lock object of its own for every call: the playback queue, which
    /// is lock-free and whose monitor nothing else takes.
    /// </summary>
    private object SendGate => _playback;

    /// <summary>The receive statistics' gate (receive thread, the pacer only trying it, statistics readers): the monitor of the statistics themselves.</summary>
    private object RxGate => _rx;

    // The descriptors sent on when the receiver reads the sockets (its registration holds them, or
    // the shared port for its own); -1: through the sockets (no receiver).
    private int RtpFd => _watch is { } watch ? watch.Fd : _lease.Shared is { } shared ? shared.RtpFd : -1;

    private int RtcpFd => _watch is { } watch ? watch.SecondFd : _lease.Shared is { } shared ? shared.RtcpFd : -1;

    private ushort _sequence;
    private uint _timestamp;
    private bool _needMarker = true;
    private long _packetsSent;
    private long _octetsSent;
    private long _rtcpSent;
    private int _framesSinceRtcp;

    /// <summary>
    /// Sends one RFC 4733 digit (marker on the first packet, growing duration, three end packets)
    /// in place of audio; completes once the last end packet left. Needs negotiated telephone-event.
    /// </summary>
    public Task SendDtmf(char digit, TimeSpan? duration = null)
    {
        if (!TelephoneEvent.TryFromDigit(digit, out _))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF digit.", nameof(digit));
        }

        if (_media?.TelephoneEventPayloadType is null)
        {
            throw new InvalidOperationException("telephone-event was not negotiated for this session.");
        }

        int samples = (int)((duration ?? _options.DtmfDuration).TotalSeconds * 8000);
        // Made with the first digit sent (most calls never send one), its sending state with it.
        var rare = RareParts();
        var queue = Volatile.Read(ref rare.DtmfSend);
        if (queue is null)
        {
            var created = new DtmfSendQueue();
            queue = Interlocked.CompareExchange(ref rare.DtmfSend, created, null) ?? created;
        }

        return queue.Enqueue(digit, Math.Clamp(samples, 80, ushort.MaxValue));
    }

    void IPacedStream.OnFrameDue(long timestamp)
    {
        if (_state != 1 || _media is not { } media)
        {
            return;
        }

        // Only closing takes this gate from another thread: a frame then is not worth waiting for.
        if (!Monitor.TryEnter(SendGate))
        {
            return;
        }

        try
        {
            if (Volatile.Read(ref _state) != 1)
            {
                // Closed since the check above: the sockets (and the descriptors sent on) may be gone.
                return;
            }

            int frameSamples = media.PtimeMs * 8;
            ExpireDtmf();
            if (++_framesSinceRtcp * media.PtimeMs >= _options.RtcpInterval.TotalMilliseconds && SendRtcp(bye: false))
            {
                _framesSinceRtcp = 0;
            }

            var to = SendTo(media);
            bool send = to is not null && media.Direction.Sends();
            if (send && TrySendDtmfFrame(media, to!, frameSamples))
            {
                _timestamp += (uint)frameSamples;
                return;
            }

            // While held the cursor still moves, so a prompt ends on time instead of waiting for resume.
            var payload = _sendBuffer.AsSpan(RtpHeader.FixedSize, frameSamples);
            bool playing = _playback.TryReadFrame(payload, media.Codec);
            if (send && (playing || _options.ComfortSilence))
            {
                if (!playing)
                {
                    payload.Fill(EncodedAudio.SilenceFor(media.Codec));
                }

                SendRtp(media.CodecPayloadType, _timestamp, _needMarker, frameSamples, to!);
                _needMarker = false;
            }
            else
            {
                // A gap: the next packet starts a talkspurt.
                _needMarker = true;
            }

            _timestamp += (uint)frameSamples;
        }
        finally
        {
            Monitor.Exit(SendGate);
        }
    }

    private bool TrySendDtmfFrame(NegotiatedMedia media, SocketAddress to, int frameSamples)
    {
        if (Volatile.Read(ref _rare)?.DtmfSend is not { } dtmf)
        {
            return false;
        }

        var generator = dtmf.Generator;
        if (!generator.IsActive)
        {
            if (dtmf.GapFrames > 0)
            {
                dtmf.GapFrames--;
                return false;
            }

            if (media.TelephoneEventPayloadType is null || !dtmf.TryDequeue(out var next))
            {
                return false;
            }

            dtmf.Current = next;
            generator.Start(next.Digit, next.DurationSamples, frameSamples);
            dtmf.EventTimestamp = _timestamp;
        }

        generator.TryNext(out var ev, out bool marker);
        ev.Write(_sendBuffer.AsSpan(RtpHeader.FixedSize));
        SendRtp((byte)media.TelephoneEventPayloadType!.Value, dtmf.EventTimestamp, marker, TelephoneEvent.Size, to);
        if (!generator.IsActive)
        {
            dtmf.Current?.Completion.TrySetResult();
            dtmf.Current = null;
            dtmf.GapFrames = (int)(_options.DtmfGap.TotalMilliseconds / media.PtimeMs);
            _needMarker = true;
        }

        return true;
    }

    private void SendRtp(byte payloadType, uint timestamp, bool marker, int payloadLength, SocketAddress to)
    {
        var header = new RtpHeader { PayloadType = payloadType, Marker = marker, SequenceNumber = _sequence, Timestamp = timestamp, Ssrc = Ssrc };
        header.WriteFixed(_sendBuffer);
        _sequence++;
        _packetsSent++;
        _octetsSent += payloadLength;
        try
        {
            int length = ProtectRtp(_sendBuffer, RtpHeader.FixedSize + payloadLength);
            // On a shared socket the frame joins the pacer's batch: one sendmmsg for the slot's frames.
            if (!(_lease.Shared is { } shared && _registration?.Batch is { } batch && batch.Add(shared.RtpFd, _sendBuffer.AsSpan(0, length), to)))
            {
                if (!TrySend(_lease.Rtp, RtpFd, _sendBuffer.AsSpan(0, length), to))
                {
                    Interlocked.Increment(ref _icmpErrors);
                }
            }
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _icmpErrors);
        }
        catch (ObjectDisposedException)
        {
            // Closing.
        }
    }

    /// <summary>Sends a report (and BYE); false when a periodic report must wait because the receive side holds its statistics.</summary>
    private bool SendRtcp(bool bye)
    {
        var to = _rtcpTo;
        var sdpRtp = _sdpRtp;
        if ((to is null && sdpRtp is null) || _media is null)
        {
            return true;
        }

        // The pacer never waits for the receive thread (it may be preempted inside the lock):
        // a periodic report goes one frame later instead.
        if (bye)
        {
            Monitor.Enter(RxGate);
        }
        else if (!Monitor.TryEnter(RxGate))
        {
            return false;
        }

        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        int blockCount = 0;
        try
        {
            if (_rx.PacketsReceived > 0)
            {
                long dlsr = _lastSrAt == 0 ? 0 : (long)(_time.GetElapsedTime(_lastSrAt).TotalSeconds * 65536);
                blocks[blockCount++] = new RtcpReportBlock(_rx.Ssrc, _rx.TakeFractionLost(), (int)Math.Min(_rx.Lost, 0x7FFFFF),
                    _rx.ExtendedHighestSequence, (uint)_rx.Jitter, _lastSrCompact, (uint)dlsr);
            }
        }
        finally
        {
            Monitor.Exit(RxGate);
        }

        var buffer = _sendBuffer.AsSpan();
        int n;
        if (_packetsSent > 0)
        {
            var info = new RtcpSenderInfo(NtpNow(), _timestamp, (uint)_packetsSent, (uint)_octetsSent);
            n = RtcpWriter.WriteSenderReport(buffer, Ssrc, info, blocks[..blockCount]);
        }
        else
        {
            n = RtcpWriter.WriteReceiverReport(buffer, Ssrc, blocks[..blockCount]);
        }

        // The CNAME is encoded here, not kept as bytes per call: a report goes out once every few seconds.
        Span<byte> cname = stackalloc byte[MaxCnameBytes];
        n += RtcpWriter.WriteSourceDescription(buffer[n..], Ssrc, cname[..Encoding.UTF8.GetBytes(_cname, cname)]);
        if (bye)
        {
            n += RtcpWriter.WriteBye(buffer[n..], Ssrc);
        }

        try
        {
            n = ProtectRtcp(_sendBuffer, n);
            if (to is not null ? TrySend(_lease.Rtcp, RtcpFd, buffer[..n], to) : TrySendRtcpBySdp(buffer[..n], sdpRtp!))
            {
                _rtcpSent++;
            }
            else
            {
                Interlocked.Increment(ref _icmpErrors);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _icmpErrors);
        }

        return true;
    }

    /// <summary>
    /// Through the descriptor when the receiver reads the socket (<see cref="LinuxDatagramSend"/>: the
    /// socket needs no asynchronous machinery; only ever under the send gate while running, before the
    /// close), else through the socket. False when the descriptor's send failed (the socket's throws).
    /// </summary>
    private static bool TrySend(Socket socket, int fd, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        if (fd >= 0)
        {
            return LinuxDatagramSend.SendTo(fd, datagram, to) == 0;
        }

        socket.SendTo(datagram, SocketFlags.None, to);
        return true;
    }

    /// <summary>To one port above the SDP's RTP address: written on the stack for the descriptor; for the socket, made once.</summary>
    private bool TrySendRtcpBySdp(ReadOnlySpan<byte> datagram, SocketAddress sdpRtp)
    {
        if (RtcpFd is var fd and >= 0)
        {
            Span<byte> name = stackalloc byte[sdpRtp.Size];
            return LinuxDatagramSend.SendTo(fd, datagram, name[..WriteRtcpAddress(sdpRtp, name)]) == 0;
        }

        // Only without a receiver: in the rare parts.
        var rare = RareParts();
        var to = rare.RtcpBySocket;
        if (to is null)
        {
            to = new SocketAddress(sdpRtp.Family, sdpRtp.Size);
            WriteRtcpAddress(sdpRtp, to.Buffer.Span);
            rare.RtcpBySocket = to;
        }

        _lease.Rtcp.SendTo(datagram, SocketFlags.None, to);
        return true;
    }

    private ulong NtpNow()
    {
        var since = _time.GetUtcNow().UtcDateTime - NtpEpoch;
        ulong seconds = (ulong)since.Ticks / TimeSpan.TicksPerSecond;
        ulong fraction = ((ulong)since.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
