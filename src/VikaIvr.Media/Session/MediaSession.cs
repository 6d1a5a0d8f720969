using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Dtmf.Events;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtcp;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Media.Session;

/// <summary>
/// One call's audio: an RTP/RTCP socket pair, a place on the shared media clock for sending
/// (no per-call timer), receiving through the shared <see cref="MediaReceiver"/> (or, without one,
/// an async receive loop per socket), symmetric and strict RTP, playback of shared encoded
/// clips, RFC 4733 digits both ways and RTCP reports. Knows nothing of SIP.
/// </summary>
public sealed partial class MediaSession : IPacedStream, IDatagramSink, IAsyncDisposable
{
    internal const int MaxPacket = 1500;

    /// <summary>The longest packet time a session sends with (what offer/answer settles on: 10–40 ms).</summary>
    private const int MaxPtimeMs = 40;
    private const int MaxCnameBytes = 255;

    /// <summary>
    /// RTP header + the longest frame (8 bytes a ms) + room for the SRTP tag (10 bytes); the largest
    /// RTCP report fits as well (SR 28 + one block 24 + SDES with a 255-byte CNAME 268 + BYE 8 + SRTCP 14 = 342).
    /// </summary>
    private const int SendBufferBytes = RtpHeader.FixedSize + (MaxPtimeMs * 8) + 16;
    private const long NanosecondsPerSample = 1_000_000_000 / 8000;

    private readonly MediaClock _clock;
    private readonly RtpPortLease _lease;
    private readonly MediaSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MediaReceiver? _receiver;
    private readonly PlaybackQueue _playback = new();
    private readonly string _cname;
    private readonly long _startTimestamp;
    private volatile NegotiatedMedia? _media;
    // RTCP goes to the latched RTCP source, or while there is none one port above the SDP's RTP
    // address, written on the pacer's stack for each report (no second address per call).
    private volatile SocketAddress? _rtcpTo;
    private volatile SocketAddress? _sdpRtp;
    private PacerRegistration? _registration;
    private ReceiverRegistration? _watch;   // both sockets, RTP on RtpChannel and RTCP on RtcpChannel
    private AudioListeners? _audio;   // null while nobody listens (most calls)
    private int _state;   // 0 new, 1 running, 2 closed

    /// <param name="ssrc">Our SSRC when it was chosen before (announced in SDP on a shared port); 0 picks one.</param>
    public MediaSession(MediaClock clock, RtpPortLease lease, MediaSessionOptions options, TimeProvider time, ILogger<MediaSession> logger,
        MediaReceiver? receiver = null, uint ssrc = 0)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _clock = clock;
        _lease = lease;
        _options = options;
        _time = time;
        _logger = logger;
        _receiver = receiver;
        _cname = options.Cname;
        if (Encoding.UTF8.GetByteCount(_cname) > MaxCnameBytes)
        {
            throw new ArgumentException($"The RTCP CNAME is longer than {MaxCnameBytes} bytes.", nameof(options));
        }

        _startTimestamp = _time.GetTimestamp();
        Ssrc = ssrc != 0 ? ssrc : NewSsrc();
        _sequence = (ushort)Random.Shared.Next(0, ushort.MaxValue);
        _timestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    }

    /// <summary>A random non-zero SSRC (0 stands for "any" on a shared port).</summary>
    public static uint NewSsrc() => (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    /// <summary>Our RTP SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>The local RTP endpoint (advertise its port in SDP).</summary>
    public IPEndPoint LocalEndPoint => _lease.LocalEndPoint;

    public NegotiatedMedia? Media => _media;

    /// <summary>Where RTP is sent now (the SDP address, or the latched source); null while held or unknown.</summary>
    public IPEndPoint? RemoteEndPoint => SendTo(_media) is { } a
        ? (IPEndPoint)new IPEndPoint(a.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(a)
        : null;

    /// <summary>Digits from RFC 4733 events, one per event, in order (when no <see cref="DigitSink"/> takes them).</summary>
    public ChannelReader<MediaDigit> Digits => DigitChannel().Reader;

    /// <summary>Takes each RFC 4733 digit on the receive path instead of <see cref="Digits"/> (no channel, no extra hop).</summary>
    public IMediaDigitSink? DigitSink { get; init; }

    /// <summary>Sees every accepted RTP packet undecoded, with the kernel's receive time when the receiver takes it (the load tester's measurements).</summary>
    public IMediaPacketListener? PacketListener
    {
        get => Volatile.Read(ref _rare)?.PacketListener;
        init
        {
            if (value is not null)
            {
                RareParts().PacketListener = value;
            }
        }
    }

    public bool IsPlaying => _playback.IsPlaying;

    /// <summary>
    /// How long since the last RTP or RTCP packet from the caller (or since the start, or since
    /// the resume after a hold); null while the caller holds (its offer was sendonly, inactive or
    /// c=0.0.0.0 and it need send nothing), before the start and after the close.
    /// </summary>
    public TimeSpan? ReceiveIdle => _state == 1 && _media is { IsHeld: false }
        ? _time.GetElapsedTime(Volatile.Read(ref _lastReceivedAt))
        : null;

    /// <summary>Cancelled when the session closes.</summary>
    public CancellationToken Closed => ClosingSource().Token;

    /// <summary>Starts sending and receiving with what offer/answer agreed.</summary>
    public void Start(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The session was already started.");
        }

        Update(media);
        MarkReceived();
        if (_lease.Claim is { } claim)
        {
            // The shared port hands this session the packets its claim names (made in Update).
            claim.Sink = this;
        }
        else if (_receiver is not null)
        {
            _watch = _receiver.Register(_lease.Rtp, _lease.Rtcp, this, RtpChannel);
        }
        else
        {
            RareParts().ReceiveLoops = Task.WhenAll(Task.Run(() => ReceiveLoopAsync(_lease.Rtp, RtpChannel)), Task.Run(() => ReceiveLoopAsync(_lease.Rtcp, RtcpChannel)));
        }
        _registration = _clock.Add(this, TimeSpan.FromMilliseconds(media.PtimeMs));
    }

    /// <summary>Applies a re-INVITE's result (hold, resume, new address, codec or ptime). Latching restarts.</summary>
    public void Update(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(media.PtimeMs, MaxPtimeMs, nameof(media));
        var previous = _media;
        if (previous is { IsHeld: true } && !media.IsHeld)
        {
            // Resumed: the inactivity watch starts again from now, not from before the hold.
            MarkReceived();
        }

        if (_lease.IsShared && !_lease.TryBind(media.RemoteEndPoint, media.RemoteRtcpEndPoint, media.RemoteSsrc ?? 0))
        {
            // Another call on the shared port already takes packets from there: ours could not be told apart.
            throw new InvalidOperationException(
                $"RTP from {media.RemoteEndPoint} cannot be told apart from another call's on the shared port {_lease.Port} (no a=ssrc to tell them by).");
        }

        _media = media;
        _latched = null;
        var sdpRtp = media.RemoteEndPoint is { } ep ? ToSocketAddress(ep) : null;
        if (sdpRtp is not null && RtcpPortAbove(sdpRtp) > ushort.MaxValue)
        {
            _ = media.RemoteRtcpEndPoint;   // out of range: throws as the endpoint does
        }

        _sdpRtp = sdpRtp;
        _rtcpTo = null;
        if (Volatile.Read(ref _rare) is { } rare)
        {
            rare.RtcpBySocket = null;
        }

        UpdateSrtp(media.Srtp);
        _needMarker = true;
        if (previous is not null && previous.PtimeMs != media.PtimeMs)
        {
            _registration?.SetFrameInterval(TimeSpan.FromMilliseconds(media.PtimeMs));
        }
    }

    /// <summary>Queues a clip; completes when it has been sent or was stopped. Cancelling the token cancels the task.</summary>
    public Task<PlaybackResult> Play(EncodedAudio audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return _state == 2 ? Task.FromResult(PlaybackResult.Stopped) : _playback.Enqueue(audio, -1, cancellationToken);
    }

    /// <summary>
    /// Queues a clip a key stops (<see cref="BargeIn"/>): one numbered after <paramref name="keysSeen"/>,
    /// the keys the caller had seen when it queued the clip. Otherwise as <see cref="Play"/>.
    /// </summary>
    public Task<PlaybackResult> PlayBargeIn(EncodedAudio audio, long keysSeen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentOutOfRangeException.ThrowIfNegative(keysSeen);
        return _state == 2 ? Task.FromResult(PlaybackResult.Stopped) : _playback.Enqueue(audio, keysSeen, cancellationToken);
    }

    /// <summary>Key number <paramref name="key"/> was accepted: stops the barge-in clips queued before it (only those). Returns how many it stopped.</summary>
    public int BargeIn(long key) => _playback.BargeIn(key);

    /// <summary>Stops the current clip and clears the queue (barge-in). Returns how many clips were stopped.</summary>
    public int StopPlayback() => _playback.StopAll();

    public void AddAudioListener(IMediaAudioListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        // Under the rx gate: rare and brief (the receive thread only reads the field; the pacer only tries the gate).
        lock (RxGate)
        {
            Volatile.Write(ref _audio, AudioListeners.With(_audio, listener));
        }
    }

    public void RemoveAudioListener(IMediaAudioListener listener)
    {
        lock (RxGate)
        {
            Volatile.Write(ref _audio, AudioListeners.Without(_audio, listener));
        }
    }

    /// <summary>
    /// The source of <see cref="Closed"/>, made on first use (most calls never ask); one made after
    /// the close is cancelled at once, as the close would have done (the state is written before the
    /// close reads this field, and this field before the state is read here).
    /// </summary>
    private CancellationTokenSource ClosingSource()
    {
        var rare = RareParts();
        if (Volatile.Read(ref rare.Closing) is { } existing)
        {
            return existing;
        }

        var created = new CancellationTokenSource();
        var source = Interlocked.CompareExchange(ref rare.Closing, created, null) ?? created;
        if (Volatile.Read(ref _state) == 2)
        {
            source.Cancel();
        }

        return source;
    }

    /// <summary>
    /// The digit channel, made on first use: a call whose digits go to <see cref="DigitSink"/> never
    /// needs it. One made after the close is completed at once, as the close would have done.
    /// </summary>
    private Channel<MediaDigit> DigitChannel()
    {
        var rare = RareParts();
        if (Volatile.Read(ref rare.Digits) is { } existing)
        {
            return existing;
        }

        var created = Channel.CreateUnbounded<MediaDigit>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        var channel = Interlocked.CompareExchange(ref rare.Digits, created, null) ?? created;
        if (Volatile.Read(ref _state) == 2)
        {
            channel.Writer.TryComplete();
        }

        return channel;
    }

    public MediaSessionStatistics GetStatistics()
    {
        var (srtpFailures, srtpReplayed) = SrtpDrops();
        lock (RxGate)
        {
            return new MediaSessionStatistics(_packetsSent, _octetsSent, _rx.PacketsReceived, _rx.OctetsReceived,
                Math.Max(0, _rx.Lost), _rx.JitterMilliseconds, _strictDropped, _malformed, _icmpErrors, _rtcpSent, _remoteBye)
            {
                SrtpAuthenticationFailures = srtpFailures,
                SrtpReplayed = srtpReplayed,
            };
        }
    }

    /// <summary>Sends RTCP BYE, stops sending and receiving, ends playback and frees the ports. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        _registration?.Dispose();
        lock (SendGate)
        {
            SendRtcp(bye: true);
            System.Buffers.ArrayPool<byte>.Shared.Return(_sendBuffer);
            _sendBuffer = [];
        }

        _playback.StopAll();
        var rare = Volatile.Read(ref _rare);
        if (rare is not null)
        {
            Volatile.Read(ref rare.DtmfSend)?.CancelAll();
            Volatile.Read(ref rare.Closing)?.Cancel();
            Volatile.Read(ref rare.Digits)?.Writer.TryComplete();
        }

        // Unwatched before the sockets close, so the receiver never reads a reused descriptor.
        _watch?.Dispose();
        _lease.Dispose();
        try
        {
            await (rare?.ReceiveLoops ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The loops end by their sockets closing.
        }

        DisposeSrtp();
        if (Volatile.Read(ref _rare) is { } parts)
        {
            Volatile.Read(ref parts.Closing)?.Dispose();
        }
    }

    private SocketAddress ToSocketAddress(IPEndPoint endPoint)
    {
        if (_lease.Rtp.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port);
        }

        return endPoint.Serialize();
    }

    /// <summary>
    /// Where RTP goes: the latched source once there is one (symmetric RTP), else the SDP's address;
    /// nowhere while the SDP gives none (a hold). Worked out from those two each frame, not kept as a
    /// third address field per call.
    /// </summary>
    private SocketAddress? SendTo(NegotiatedMedia? media)
        => media?.RemoteEndPoint is null ? null : _options.SymmetricRtp && _latched is { } latched ? latched : _sdpRtp;

    /// <summary>The RTCP port for an RTP address: sockaddr_in and sockaddr_in6 both keep the port, big-endian, at bytes 2-3.</summary>
    private static int RtcpPortAbove(SocketAddress rtp) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(rtp.Buffer.Span[2..]) + 1;

    /// <summary>Writes the RTCP address (RTP port + 1, as <see cref="NegotiatedMedia.RemoteRtcpEndPoint"/>) made from the RTP one's bytes; its length.</summary>
    private static int WriteRtcpAddress(SocketAddress rtp, Span<byte> to)
    {
        rtp.Buffer.Span[..rtp.Size].CopyTo(to);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(to[2..], (ushort)RtcpPortAbove(rtp));
        return rtp.Size;
    }

    private long ElapsedMilliseconds(long timestamp) => (long)_time.GetElapsedTime(_startTimestamp, timestamp).TotalMilliseconds;
}
