using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Allocation;

/// <summary>
/// A call's media set-up as the server does it, step by step, each step's allocation counted on
/// this thread: the port pair, the offer parsed and answered, the session made, started and its
/// first prompt queued; the teardown counted apart.
/// </summary>
internal sealed class MediaSetUpProbe : IAsyncDisposable
{
    private readonly RtpPortAllocator _ports;
    private readonly MediaClock _clock;
    private readonly ManualTickSource _ticks = new();
    private readonly MediaSessionOptions _sessionOptions = new();
    private readonly SdpOfferAnswerOptions _sdpOptions = new();
    private readonly EncodedAudio _clip = EncodedAudio.Encode(new short[8000], VikaIvr.Media.Rtp.RtpAudioCodec.Pcmu);
    private readonly IMediaDigitSink _digits = new NoDigits();
    private readonly byte[] _offer;

    public MediaSetUpProbe(int firstPort, int lastPort, MediaReceiver? receiver)
    {
        _ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = firstPort, MaxPort = lastPort });
        _clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1 }, _ticks, NullLogger<MediaClock>.Instance);
        _clock.Start();
        Receiver = receiver;
        // The offer the whole-server measurement's caller sends (tests/VikaIvr.Server.Tests/CallSetup/RawSipCaller).
        _offer = Encoding.UTF8.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + string.Create(CultureInfo.InvariantCulture, $"m=audio {lastPort + 2} RTP/AVP 0 8 101\r\n")
            + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n");
    }

    public MediaReceiver? Receiver { get; }

    public async Task<MediaSetUpSteps> RunCallAsync()
    {
        long t0 = GC.GetAllocatedBytesForCurrentThread();
        var lease = _ports.Allocate(IPAddress.Loopback);
        long t1 = GC.GetAllocatedBytesForCurrentThread();
        var offerAnswer = new SdpOfferAnswer(_sdpOptions, IPAddress.Loopback, lease.Port);
        var result = offerAnswer.Answer(_offer);
        var body = offerAnswer.LocalBody;
        long t2 = GC.GetAllocatedBytesForCurrentThread();
        var session = new MediaSession(_clock, lease, _sessionOptions, TimeProvider.System, NullLogger<MediaSession>.Instance, Receiver, MediaSession.NewSsrc())
        {
            DigitSink = _digits,
        };
        long t3 = GC.GetAllocatedBytesForCurrentThread();
        session.Start(result.Media!);
        long t4 = GC.GetAllocatedBytesForCurrentThread();
        var playing = session.Play(_clip);
        long t5 = GC.GetAllocatedBytesForCurrentThread();
        _ticks.Advance(_clock.SlotsPerPeriod);
        long t6 = GC.GetAllocatedBytesForCurrentThread();
        await session.DisposeAsync();
        long t7 = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(result.Success && body.Length > 0);
        _ = await playing;
        return new MediaSetUpSteps(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6);
    }

    public async ValueTask DisposeAsync()
    {
        _clock.Dispose();
        await Task.CompletedTask;
        Receiver?.Dispose();
    }

    private sealed class NoDigits : IMediaDigitSink
    {
        public void OnDigit(in MediaDigit digit)
        {
        }
    }
}

/// <summary>Bytes each step of one call's media set-up allocated.</summary>
internal readonly record struct MediaSetUpSteps(long Ports, long OfferAnswer, long Create, long Start, long Play, long FirstFrame, long Teardown)
{
    /// <summary>Everything up to the first prompt's first frame.</summary>
    public long SetUp => Ports + OfferAnswer + Create + Start + Play + FirstFrame;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ports {Ports} B, offer/answer {OfferAnswer} B, create {Create} B, start {Start} B, play {Play} B, first frame {FirstFrame} B: set-up {SetUp} B; teardown {Teardown} B");
}
