using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Session;

/// <summary>Two sessions on 127.0.0.1 driven by one manually stepped clock.</summary>
internal sealed class LoopbackPair : IAsyncDisposable
{
    private static int _nextRange = 42000;

    public LoopbackPair(MediaSessionOptions? aOptions = null, MediaSessionOptions? bOptions = null, RtpAudioCodec codec = RtpAudioCodec.Pcmu, bool sharedReceiver = false,
        IMediaDigitSink? bDigits = null)
    {
        int first = Interlocked.Add(ref _nextRange, 20) - 20;
        Allocator = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        Ticks = new ManualTickSource();
        Clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1 }, Ticks, NullLogger<MediaClock>.Instance);
        Clock.Start();
        if (sharedReceiver)
        {
            Receiver = new MediaReceiver(new MediaReceiverOptions { Threads = 1, Priority = PacerThreadPriority.Normal, IdleWake = TimeSpan.FromMilliseconds(20) }, NullLogger<MediaReceiver>.Instance);
            Receiver.Start();
        }

        A = new MediaSession(Clock, Allocator.Allocate(IPAddress.Loopback), aOptions ?? new MediaSessionOptions { ComfortSilence = false }, Time, NullLogger<MediaSession>.Instance, Receiver);
        B = new MediaSession(Clock, Allocator.Allocate(IPAddress.Loopback), bOptions ?? new MediaSessionOptions { ComfortSilence = false }, Time, NullLogger<MediaSession>.Instance, Receiver) { DigitSink = bDigits };
        B.AddAudioListener(Received);
        Codec = codec;
    }

    public RtpPortAllocator Allocator { get; }

    /// <summary>The shared receive thread both sessions use, when asked for.</summary>
    public MediaReceiver? Receiver { get; }

    public ManualTickSource Ticks { get; }

    /// <summary>The sessions' wall clock (RTCP times, digit timeouts); the sending cadence is <see cref="Ticks"/>.</summary>
    public TimeProvider Time { get; } = TimeProvider.System;

    public MediaClock Clock { get; }

    public MediaSession A { get; }

    public MediaSession B { get; }

    public RtpAudioCodec Codec { get; }

    public Capture Received { get; } = new();

    public NegotiatedMedia MediaTo(MediaSession peer, int? te = 101, SdpDirection direction = SdpDirection.SendRecv)
        => new(Codec, te, 20, new IPEndPoint(IPAddress.Loopback, peer.LocalEndPoint.Port), direction);

    public void StartBoth()
    {
        A.Start(MediaTo(B));
        B.Start(MediaTo(A));
    }

    /// <summary>Both sessions on SRTP with crossed SDES keys (each sends with its own key, receives with the other's).</summary>
    public void StartBothSecure(SrtpCryptoSuite suite, SrtpMasterKey aKey, SrtpMasterKey bKey)
    {
        A.Start(MediaTo(B) with { Srtp = new SrtpPolicy(suite, aKey, bKey) });
        B.Start(MediaTo(A) with { Srtp = new SrtpPolicy(suite, bKey, aKey) });
    }

    /// <summary>One 20 ms frame for every session.</summary>
    public void Frames(int count) => Ticks.Advance(Clock.SlotsPerPeriod * count);

    public static async Task WaitUntil(Func<bool> condition)
    {
        // Only a guard against a hang: a loaded machine may take long, never this long.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for loopback packets");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Receiver?.Dispose();
        Clock.Dispose();
    }

    internal sealed class Capture : IMediaAudioListener
    {
        public ConcurrentQueue<(RtpHeader Header, short[] Samples)> Packets { get; } = new();

        public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header) => Packets.Enqueue((header, samples.ToArray()));
    }
}
