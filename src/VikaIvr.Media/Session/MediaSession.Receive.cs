using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Dtmf.Events;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtcp;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>The receiving half: datagrams from the shared receiver (or this session's own loops), span-based packet handling.</summary>
public sealed partial class MediaSession
{
    private readonly RtpReceiveStatistics _rx = new();
    // Made with the first telephone-event packet (receive thread, under the rx gate): a call whose digits come otherwise never needs it.
    private DtmfEventReceiver? _dtmfReceiver;
    private volatile SocketAddress? _latched;
    private bool _rtcpLatched;
    private long _strictDropped;
    private long _malformed;
    private long _icmpErrors;
    private bool _remoteBye;
    private long _lastReceivedAt;
    private uint _lastSrCompact;
    private long _lastSrAt;

    private const int RtpChannel = 0;
    private const int RtcpChannel = RtpChannel + 1;   // the receiver gives a pair's second socket the first one's channel + 1

    void IDatagramSink.OnDatagram(int channel, ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
    {
        if (channel == RtpChannel)
        {
            HandleRtp(datagram, from, receivedAtNs);
        }
        else
        {
            HandleRtcp(datagram, from);
        }
    }

    void IDatagramSink.OnReceiveError(int channel, SocketException error)
    {
        if (IsIcmpError(error))
        {
            // ICMP from a peer that went away: never fatal, and never disturbs other calls.
            Interlocked.Increment(ref _icmpErrors);
        }
        else if (Volatile.Read(ref _state) != 2)
        {
            LogReceiveError(error, _lease.Port);
        }
    }

    /// <summary>
    /// Without a shared receiver: one loop per socket. The await sits in the loop itself, so its
    /// state machine is allocated once and each receive (a pooled socket operation) allocates nothing.
    /// </summary>
    private async Task ReceiveLoopAsync(Socket socket, int channel)
    {
        var buffer = new byte[MaxPacket];
        var from = new SocketAddress(socket.AddressFamily);
        var token = Closed;
        while (!token.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (SocketException ex) when (!token.IsCancellationRequested)
            {
                ((IDatagramSink)this).OnReceiveError(channel, ex);
                continue;
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (n > 0)
            {
                ((IDatagramSink)this).OnDatagram(channel, buffer.AsSpan(0, n), from, 0);
            }
        }
    }

    private static bool IsIcmpError(SocketException ex) => ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused
        or SocketError.HostUnreachable or SocketError.NetworkUnreachable;

    private void HandleRtp(ReadOnlySpan<byte> datagram, SocketAddress from, long receivedAtNs)
    {
        if (datagram.IsEmpty || !TryUnprotect(ref datagram, rtcp: false))
        {
            return;
        }

        var media = _media;
        if (media is null || !RtpPacket.TryParse(datagram, out var packet))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        var header = packet.Header;
        bool isEvent = header.PayloadType == media.TelephoneEventPayloadType;
        bool isAudio = header.PayloadType is (byte)RtpAudioCodec.Pcmu or (byte)RtpAudioCodec.Pcma;
        if (!isEvent && !isAudio)
        {
            // Comfort noise (13) and unknown types are not audio we play or detect on, but they
            // show the caller is there (silence suppression sends CN in the pauses).
            if (_latched is not { } latchedSource || latchedSource.Equals(from))
            {
                MarkReceived();
            }

            return;
        }

        var latched = _latched;
        if (latched is null)
        {
            // From now on RTP is sent here too (see SendTo).
            latched = Copy(from);
            _latched = latched;
        }
        else if (_options.StrictRtp && !latched.Equals(from))
        {
            Interlocked.Increment(ref _strictDropped);
            return;
        }

        long now = _time.GetTimestamp();
        Volatile.Write(ref _lastReceivedAt, now);
        // Jitter needs only differences of arrival: the kernel's receive time when the receiver has
        // it (a batching receiver reads packets up to its interval late), else the time of the read.
        long arrivalUnits = receivedAtNs != 0
            ? receivedAtNs / NanosecondsPerSample
            : (long)(_time.GetElapsedTime(_startTimestamp, now).TotalSeconds * 8000);
        Span<DtmfEventDigit> digits = stackalloc DtmfEventDigit[2];
        int digitCount = 0;
        lock (RxGate)
        {
            _rx.Record(header.Ssrc, header.SequenceNumber, header.Timestamp, packet.Payload.Length, arrivalUnits);
            if (isEvent)
            {
                digitCount = DtmfReceiver().Process(header.Timestamp, packet.Payload, ElapsedMilliseconds(now), digits);
            }
        }

        for (int i = 0; i < digitCount; i++)
        {
            Publish(digits[i]);
        }

        Volatile.Read(ref _rare)?.PacketListener?.OnPacket(header, packet.Payload, receivedAtNs);
        if (isAudio && !packet.Payload.IsEmpty && Volatile.Read(ref _audio) is { } audio)
        {
            var payload = packet.Payload;
            var buffer = audio.Pcm;
            var pcm = buffer.AsSpan(0, Math.Min(payload.Length, buffer.Length));
            if (header.PayloadType == (byte)RtpAudioCodec.Pcma)
            {
                G711.DecodeALaw(payload[..pcm.Length], pcm);
            }
            else
            {
                G711.DecodeMuLaw(payload[..pcm.Length], pcm);
            }

            foreach (var listener in audio.Listeners)
            {
                try
                {
                    listener.OnAudio(pcm, header);
                }
                catch (Exception ex)
                {
                    LogListenerFailed(ex, listener.GetType().Name);
                }
            }
        }
    }

    private void HandleRtcp(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (!TryUnprotect(ref datagram, rtcp: true))
        {
            return;
        }

        var reader = new RtcpCompoundReader(datagram);
        bool any = false;
        while (reader.TryReadNext(out var packet))
        {
            any = true;
            if (packet.Type == RtcpPacketType.SenderReport && packet.Length >= 28)
            {
                lock (RxGate)
                {
                    _lastSrCompact = packet.SenderInfo.CompactNtp;
                    _lastSrAt = _time.GetTimestamp();
                }
            }
            else if (packet.Type == RtcpPacketType.Bye)
            {
                _remoteBye = true;
            }
        }

        if (any)
        {
            MarkReceived();
        }

        if (any && _options.SymmetricRtp && !_rtcpLatched && _media?.RemoteEndPoint is not null)
        {
            _rtcpLatched = true;
            _rtcpTo = Copy(from);
        }
    }

    /// <summary>Receive thread, under the rx gate; published for the pacer's <see cref="ExpireDtmf"/>.</summary>
    private DtmfEventReceiver DtmfReceiver()
    {
        if (_dtmfReceiver is { } existing)
        {
            return existing;
        }

        var created = new DtmfEventReceiver(_options.DtmfEventTimeout);
        Volatile.Write(ref _dtmfReceiver, created);
        return created;
    }

    /// <summary>The packet path's whole share of the inactivity watch: one timestamp, written without a lock.</summary>
    private void MarkReceived() => Volatile.Write(ref _lastReceivedAt, _time.GetTimestamp());

    private void ExpireDtmf()
    {
        // Pacer side: never wait for the receive thread; an event that ended is noticed a frame later.
        // Most frames no key is being pressed: then neither the lock nor the clock is touched.
        if (Volatile.Read(ref _dtmfReceiver) is not { IsActive: true } receiver || !Monitor.TryEnter(RxGate))
        {
            return;
        }

        DtmfEventDigit digit;
        bool expired;
        try
        {
            expired = receiver.TryExpire(ElapsedMilliseconds(_time.GetTimestamp()), out digit);
        }
        finally
        {
            Monitor.Exit(RxGate);
        }

        if (expired)
        {
            Publish(digit);
        }
    }

    private void Publish(DtmfEventDigit digit)
    {
        var completed = new MediaDigit(digit.Digit, MediaDigit.Rfc4733, digit.Duration(), _time.GetUtcNow());
        if (DigitSink is { } sink)
        {
            sink.OnDigit(completed);
        }
        else
        {
            DigitChannel().Writer.TryWrite(completed);
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP receive error on port {Port}")]
    private partial void LogReceiveError(Exception exception, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audio listener {Listener} failed")]
    private partial void LogListenerFailed(Exception exception, string listener);
}
