using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Media.Tests.Session;

namespace VikaIvr.Media.Tests.Shared;

/// <summary>
/// Calls on one shared RTP port: each call gets exactly its own packets (told apart by the sender's
/// address, or by the SSRC its SDP announced), frames leave a slot in one sendmmsg, and packets
/// nobody claims are counted and dropped.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class SharedRtpPortTests : IAsyncDisposable
{
    private static int _nextPort = 44600;

    private readonly ManualTickSource _ticks = new();
    private readonly ManualTickSource _testerTicks = new();
    private readonly MediaClock _clock;
    private readonly MediaClock _testerClock;
    private readonly MediaReceiver _receiver;
    private readonly List<IAsyncDisposable> _sessions = [];
    private readonly List<IDisposable> _ports = [];

    public SharedRtpPortTests()
    {
        // One slot per period: every stream is due in the same slot, as thousands of calls fill each slot.
        _clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1, SlotsPerPeriod = 1 }, _ticks, NullLogger<MediaClock>.Instance);
        _clock.Start();
        _testerClock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1, SlotsPerPeriod = 1 }, _testerTicks, NullLogger<MediaClock>.Instance);
        _testerClock.Start();
        _receiver = new MediaReceiver(new MediaReceiverOptions { Threads = 1, Priority = PacerThreadPriority.Normal, IdleWake = TimeSpan.FromMilliseconds(20) },
            NullLogger<MediaReceiver>.Instance);
        _receiver.Start();
    }

    [Fact]
    public async Task Calls_from_one_shared_port_to_another_are_told_apart_by_their_announced_ssrc_both_ways()
    {
        // A load tester's shared port calling a server's shared port: every packet has the same
        // sender address and port, so only the SSRC each SDP announced tells the calls apart.
        var server = Port();
        var tester = Port();
        var calls = Enumerable.Range(0, 4).Select(_ => (Server: Session(server.Lease()), Tester: Session(tester.Lease(), _testerClock))).ToList();
        var heardByTester = calls.Select(c => Listen(c.Tester)).ToList();
        var heardByServer = calls.Select(c => Listen(c.Server)).ToList();
        foreach (var (s, t) in calls)
        {
            s.Start(To(tester, t.Ssrc));
            t.Start(To(server, s.Ssrc));
        }

        for (int i = 0; i < calls.Count; i++)
        {
            _ = calls[i].Server.Play(Clip(3, i));
            _ = calls[i].Tester.Play(Clip(3, 10 + i));
        }

        Frames(3);
        await LoopbackPair.WaitUntil(() => heardByTester.TrueForAll(h => h.Packets.Count == 3) && heardByServer.TrueForAll(h => h.Packets.Count == 3));
        for (int i = 0; i < calls.Count; i++)
        {
            Assert.All(heardByTester[i].Packets, p => Assert.Equal(calls[i].Server.Ssrc, p.Header.Ssrc));
            Assert.All(heardByServer[i].Packets, p => Assert.Equal(calls[i].Tester.Ssrc, p.Header.Ssrc));
            Assert.Equal(Decoded(Clip(3, i), 0), heardByTester[i].Packets.First().Samples);
        }

        Assert.Equal(4, server.Calls);
        Assert.Equal(0, server.Unmatched);
        Assert.Equal(0, tester.Unmatched);

        // Each side's frame of its 4 calls left in one system call.
        foreach (var clock in new[] { _clock, _testerClock })
        {
            var (datagrams, sendCalls, refused) = clock.BatchedSends;
            Assert.Equal(12, datagrams);
            Assert.Equal(3, sendCalls);
            Assert.Equal(0, refused);
        }
    }

    [Fact]
    public async Task A_caller_on_a_port_of_its_own_is_told_apart_by_its_address()
    {
        var server = Port();
        var phones = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = NextPorts(), MaxPort = NextPorts() + 7 });
        var a = Session(server.Lease());
        var b = Session(server.Lease());
        var phoneA = Session(phones.Allocate(IPAddress.Loopback), _testerClock);
        var phoneB = Session(phones.Allocate(IPAddress.Loopback), _testerClock);
        var heardA = Listen(a);
        var heardB = Listen(b);
        a.Start(Media(phoneA.LocalEndPoint, null));
        b.Start(Media(phoneB.LocalEndPoint, null));
        phoneA.Start(Media(server.LocalEndPoint, null));
        phoneB.Start(Media(server.LocalEndPoint, null));
        _ = phoneA.Play(Clip(2, 1));
        _ = phoneB.Play(Clip(4, 2));
        Frames(4);
        await LoopbackPair.WaitUntil(() => heardA.Packets.Count == 2 && heardB.Packets.Count == 4);
        Assert.All(heardA.Packets, p => Assert.Equal(phoneA.Ssrc, p.Header.Ssrc));
        Assert.All(heardB.Packets, p => Assert.Equal(phoneB.Ssrc, p.Header.Ssrc));
    }

    [Fact]
    public void A_second_claim_on_the_same_sender_is_refused_until_the_first_call_ends()
    {
        var port = Port();
        var from = new IPEndPoint(IPAddress.Loopback, 40010);
        var rtcp = new IPEndPoint(IPAddress.Loopback, 40011);
        var first = port.Lease();
        Assert.True(first.TryBind(from, rtcp, 0));
        Assert.True(first.TryBind(from, rtcp, 0));   // the same claim again: unchanged

        using var second = port.Lease();
        Assert.False(second.TryBind(from, rtcp, 0));
        Assert.True(second.TryBind(from, rtcp, 1234));   // an announced SSRC tells it apart
        using var third = port.Lease();
        Assert.False(third.TryBind(from, rtcp, 1234));
        Assert.Equal(2, port.Calls);

        first.Dispose();
        Assert.Equal(1, port.Calls);
        Assert.True(third.TryBind(from, rtcp, 0));
        Assert.Equal(2, port.Calls);
    }

    [Fact]
    public async Task A_packet_nobody_claims_is_counted_and_dropped()
    {
        var port = Port();
        var session = Session(port.Lease());
        var heard = Listen(session);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        session.Start(Media(new IPEndPoint(IPAddress.Loopback, 9), null));
        var buffer = new byte[172];
        int n = RtpPacketWriter.Write(buffer, new RtpHeader { PayloadType = 0, SequenceNumber = 1, Ssrc = 666 }, new byte[160]);
        for (int i = 0; i < 3; i++)
        {
            stranger.SendTo(buffer.AsSpan(0, n), SocketFlags.None, port.LocalEndPoint);
        }

        stranger.SendTo(new byte[5], SocketFlags.None, port.LocalEndPoint);   // too short for an SSRC
        await LoopbackPair.WaitUntil(() => port.Unmatched == 4);
        Assert.Empty(heard.Packets);
        Assert.Equal(0, session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task Sending_through_the_batch_and_receiving_through_the_demultiplexer_allocate_nothing_per_packet()
    {
        var server = Port();
        var tester = Port();
        var s = Session(server.Lease());
        var t = Session(tester.Lease(), _testerClock);
        var meter = new ReceiveMeter { MeasureFrom = 300, MeasureTo = 550 };
        t.AddAudioListener(meter);
        s.Start(To(tester, t.Ssrc));
        t.Start(To(server, s.Ssrc));
        var playing = s.Play(EncodedAudio.Encode(new short[160 * 1400], RtpAudioCodec.Pcmu));

        // Past the first RTCP report (250 frames) to warm up; the clock is stepped on this thread, so it is the sending one.
        Frames(260);
        AllocationMeter.AssertNone(() => Frames(100));
        await LoopbackPair.WaitUntil(() => meter.Allocated is not null);

        Assert.Equal(0, meter.Allocated);
        Assert.False(playing.IsCompleted);
        Assert.Equal(0, tester.Unmatched);
    }

    [Fact]
    public async Task Rtp_that_came_before_the_calls_claim_is_handed_to_the_call_ahead_of_its_first_packet()
    {
        // A peer sends as soon as it answers: its first packets may beat its answer (the claim) here.
        var port = Port();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var buffer = new byte[172];
        void Send(ushort sequence, uint ssrc)
        {
            int n = RtpPacketWriter.Write(buffer, new RtpHeader { PayloadType = 0, SequenceNumber = sequence, Ssrc = ssrc }, new byte[160]);
            peer.SendTo(buffer.AsSpan(0, n), SocketFlags.None, port.LocalEndPoint);
        }

        Send(1, 777);
        Send(2, 777);
        Send(3, 888);   // another stream from the same sender: not this call's (its SDP announced 777)
        await LoopbackPair.WaitUntil(() => port.Unmatched == 3);
        var session = Session(port.Lease());
        var heard = Listen(session);
        session.Start(Media((IPEndPoint)peer.LocalEndPoint!, 777));
        Send(4, 777);

        await LoopbackPair.WaitUntil(() => heard.Packets.Count == 3);
        Assert.Equal([1, 2, 4], heard.Packets.Select(p => (int)p.Header.SequenceNumber));
    }

    [Fact]
    public void The_port_must_be_even()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SharedRtpPort(IPAddress.Loopback, 44601, _receiver));
        Assert.Contains("even", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        _ports.ForEach(p => p.Dispose());
        _receiver.Dispose();
        _clock.Dispose();
        _testerClock.Dispose();
    }

    /// <summary>
    /// What the receive thread allocated (the listener runs on it), in windows of 50 packets from
    /// <see cref="MeasureFrom"/> to <see cref="MeasureTo"/>; the least of them is the answer, as in
    /// AllocationMeter: a one-off on that thread (the session latching its RTCP sender on the first
    /// report, which a lagging thread may read late) lands in one window, a per-packet one in all.
    /// </summary>
    private sealed class ReceiveMeter : IMediaAudioListener
    {
        private const int Window = 50;
        private readonly List<long> _windows = new(16);
        private int _count;
        private long _start;

        public int MeasureFrom { get; init; }

        public int MeasureTo { get; init; }

        public long? Allocated { get; private set; }

        public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header)
        {
            int n = ++_count;
            if (n < MeasureFrom || n > MeasureTo || (n - MeasureFrom) % Window != 0)
            {
                return;
            }

            long now = GC.GetAllocatedBytesForCurrentThread();
            if (n > MeasureFrom)
            {
                _windows.Add(now - _start);
            }

            if (n + Window > MeasureTo)
            {
                Allocated = _windows.Min();
                return;
            }

            // Read again after the bookkeeping, so the list's own growth is not in the next window.
            _start = GC.GetAllocatedBytesForCurrentThread();
        }
    }

    private static int NextPorts() => Interlocked.Add(ref _nextPort, 8) - 8;

    private SharedRtpPort Port()
    {
        var port = new SharedRtpPort(IPAddress.Loopback, NextPorts(), _receiver);
        _ports.Add(port);
        return port;
    }

    private MediaSession Session(RtpPortLease lease, MediaClock? clock = null)
    {
        var session = new MediaSession(clock ?? _clock, lease, new MediaSessionOptions { ComfortSilence = false }, TimeProvider.System, NullLogger<MediaSession>.Instance,
            _receiver);
        _sessions.Add(session);
        return session;
    }

    private static LoopbackPair.Capture Listen(MediaSession session)
    {
        var capture = new LoopbackPair.Capture();
        session.AddAudioListener(capture);
        return capture;
    }

    private static NegotiatedMedia To(SharedRtpPort peer, uint ssrc) => Media(peer.LocalEndPoint, ssrc);

    private static NegotiatedMedia Media(IPEndPoint remote, uint? ssrc)
        => new(RtpAudioCodec.Pcmu, 101, 20, new IPEndPoint(IPAddress.Loopback, remote.Port), SdpDirection.SendRecv) { RemoteSsrc = ssrc };

    private void Frames(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ticks.Advance(1);
            _testerTicks.Advance(1);
        }
    }

    private static EncodedAudio Clip(int frames, int seed) => TestClips.Clip(frames, seed);

    private static short[] Decoded(EncodedAudio clip, int frame) => TestClips.Decoded(clip, frame);
}
