using System.Net;
using System.Net.Sockets;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

/// <summary>The session tests, run once with each session's own async receive loops and once through the shared epoll receiver.</summary>
public abstract class MediaSessionLoopbackTests
{
    // Waits are bounded only to turn a hang into a failure; a loaded machine is slow, never this slow.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Null: sessions receive on their own loops.</summary>
    protected abstract bool SharedReceiver { get; }

    private LoopbackPair NewPair(MediaSessionOptions? aOptions = null) => new(aOptions, sharedReceiver: SharedReceiver);

    private static EncodedAudio Clip(int frames, int seed) => TestClips.Clip(frames, seed);

    private static short[] Decoded(EncodedAudio clip, int frame) => TestClips.Decoded(clip, frame);

    [Fact]
    public async Task Plays_clips_with_exact_payload_continuous_sequence_and_talkspurt_markers()
    {
        await using var pair = NewPair();
        pair.StartBoth();
        var first = Clip(5, 0);
        var second = Clip(2, 99);
        var done = pair.A.Play(first);
        pair.Frames(5);
        Assert.Equal(PlaybackResult.Completed, await done.WaitAsync(Guard));
        pair.Frames(3);   // silence: nothing sent, timestamps keep running
        var done2 = pair.A.Play(second);
        pair.Frames(3);
        Assert.Equal(PlaybackResult.Completed, await done2.WaitAsync(Guard));
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 7);

        var packets = pair.Received.Packets.ToArray();
        Assert.Equal(7, packets.Length);
        for (int i = 0; i < 7; i++)
        {
            var expected = i < 5 ? Decoded(first, i) : Decoded(second, i - 5);
            Assert.Equal(expected, packets[i].Samples);
            Assert.Equal((ushort)(packets[0].Header.SequenceNumber + i), packets[i].Header.SequenceNumber);
            Assert.Equal(pair.A.Ssrc, packets[i].Header.Ssrc);
            Assert.Equal(i is 0 or 5, packets[i].Header.Marker);
        }

        for (int i = 1; i < 5; i++)
        {
            Assert.Equal(packets[i - 1].Header.Timestamp + 160, packets[i].Header.Timestamp);
        }

        // Three silent frames between the clips: the timestamp jumps by 4 frames, not 1.
        Assert.Equal(packets[4].Header.Timestamp + (4 * 160), packets[5].Header.Timestamp);
        var stats = pair.B.GetStatistics();
        Assert.Equal(7, stats.PacketsReceived);
        Assert.Equal(0, stats.PacketsLost);
        Assert.Equal(7, pair.A.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task Stop_playback_ends_the_clip_and_comfort_silence_follows()
    {
        await using var pair = NewPair(new MediaSessionOptions { ComfortSilence = true });
        pair.StartBoth();
        var clip = Clip(50, 1);
        var play = pair.A.Play(clip);
        pair.Frames(2);
        Assert.Equal(1, pair.A.StopPlayback());
        Assert.Equal(PlaybackResult.Stopped, await play.WaitAsync(Guard));
        pair.Frames(2);
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 4);
        var packets = pair.Received.Packets.ToArray();
        Assert.Equal(Decoded(clip, 1), packets[1].Samples);
        Assert.All(packets[2].Samples, s => Assert.InRange(s, -8, 8));   // µ-law silence
        Assert.False(packets[2].Header.Marker);   // continuous stream: no new talkspurt
    }

    [Fact]
    public async Task A_digit_sink_takes_rfc4733_digits_on_the_receive_path_instead_of_the_channel()
    {
        var sink = new DigitSink();
        await using var pair = new LoopbackPair(sharedReceiver: SharedReceiver, bDigits: sink);
        pair.StartBoth();
        var sent = pair.A.SendDtmf('3', TimeSpan.FromMilliseconds(100));
        pair.Frames(30);
        await sent.WaitAsync(TimeSpan.FromSeconds(5));
        var digit = await sink.Digits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal('3', digit.Digit);
        Assert.Equal(MediaDigit.Rfc4733, digit.Method);
        Assert.False(pair.B.Digits.TryRead(out _));
    }

    private sealed class DigitSink : IMediaDigitSink
    {
        public System.Threading.Channels.Channel<MediaDigit> Digits { get; } = System.Threading.Channels.Channel.CreateUnbounded<MediaDigit>();

        public void OnDigit(in MediaDigit digit) => Digits.Writer.TryWrite(digit);
    }

    [Fact]
    public async Task Rfc4733_digits_cross_the_loopback_once_each()
    {
        await using var pair = NewPair();
        pair.StartBoth();
        var sent = pair.A.SendDtmf('7', TimeSpan.FromMilliseconds(100));
        var sent2 = pair.A.SendDtmf('7', TimeSpan.FromMilliseconds(60));
        pair.Frames(30);
        await sent.WaitAsync(Guard);
        await sent2.WaitAsync(Guard);
        var d1 = await pair.B.Digits.ReadAsync().AsTask().WaitAsync(Guard);
        var d2 = await pair.B.Digits.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal('7', d1.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), d1.Duration);
        Assert.Equal(MediaDigit.Rfc4733, d1.Method);
        Assert.Equal('7', d2.Digit);
        pair.Frames(5);
        await Task.Delay(50);
        Assert.False(pair.B.Digits.TryRead(out _));
    }

    [Fact]
    public async Task Strict_rtp_drops_a_third_party_after_latching()
    {
        await using var pair = NewPair();
        pair.StartBoth();
        _ = pair.A.Play(Clip(2, 3));
        pair.Frames(2);
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 2);

        using var intruder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var buffer = new byte[172];
        int n = RtpPacketWriter.Write(buffer, new RtpHeader { PayloadType = 0, SequenceNumber = 1, Ssrc = 666 }, new byte[160]);
        for (int i = 0; i < 3; i++)
        {
            intruder.SendTo(buffer.AsSpan(0, n), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, pair.B.LocalEndPoint.Port));
        }

        await LoopbackPair.WaitUntil(() => pair.B.GetStatistics().StrictRtpDropped >= 3);
        Assert.Equal(2, pair.Received.Packets.Count);
        Assert.DoesNotContain(pair.Received.Packets, p => p.Header.Ssrc == 666);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, pair.A.LocalEndPoint.Port), pair.B.RemoteEndPoint);
    }

    [Fact]
    public async Task Symmetric_rtp_sends_to_where_packets_come_from()
    {
        await using var pair = NewPair();
        // B was told a wrong address (as behind NAT); it must answer to A's real source.
        using var wrong = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        wrong.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        pair.A.Start(pair.MediaTo(pair.B));
        pair.B.Start(pair.MediaTo(pair.B) with { RemoteEndPoint = (IPEndPoint)wrong.LocalEndPoint! });
        var fromA = new LoopbackPair.Capture();
        pair.A.AddAudioListener(fromA);
        _ = pair.A.Play(Clip(3, 4));
        pair.Frames(1);
        await LoopbackPair.WaitUntil(() => !pair.Received.Packets.IsEmpty);
        _ = pair.B.Play(Clip(3, 5));
        pair.Frames(2);
        await LoopbackPair.WaitUntil(() => fromA.Packets.Count >= 2);
        Assert.Equal(pair.B.Ssrc, fromA.Packets.First().Header.Ssrc);
    }

    [Fact]
    public async Task Icmp_port_unreachable_does_not_break_the_session()
    {
        await using var pair = NewPair(new MediaSessionOptions { ComfortSilence = true });
        int closedPort;
        using (var temp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            temp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closedPort = ((IPEndPoint)temp.LocalEndPoint!).Port;
        }

        // A first sends into the void (each send draws an ICMP port unreachable).
        pair.A.Start(pair.MediaTo(pair.A) with { RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, closedPort) });
        pair.B.Start(pair.MediaTo(pair.A));
        var fromB = new LoopbackPair.Capture();
        pair.A.AddAudioListener(fromB);
        pair.Frames(5);
        await Task.Delay(50);

        _ = pair.B.Play(Clip(3, 6));
        pair.Frames(3);
        await LoopbackPair.WaitUntil(() => fromB.Packets.Count >= 3);
        Assert.Equal(3, fromB.Packets.Count);
        Assert.True(pair.A.GetStatistics().PacketsSent >= 5);
    }

    [Fact]
    public async Task Hold_stops_sending_and_resume_restarts_with_a_marker()
    {
        await using var pair = NewPair(new MediaSessionOptions { ComfortSilence = true });
        pair.StartBoth();
        pair.Frames(2);
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 2);
        pair.A.Update(pair.MediaTo(pair.B, direction: SdpDirection.RecvOnly));
        pair.Frames(5);
        await Task.Delay(50);
        Assert.Equal(2, pair.Received.Packets.Count);
        pair.A.Update(pair.MediaTo(pair.B));
        pair.Frames(1);
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 3);
        var third = pair.Received.Packets.ToArray()[2].Header;
        Assert.True(third.Marker);
        Assert.Equal((ushort)(pair.Received.Packets.First().Header.SequenceNumber + 2), third.SequenceNumber);
    }

    [Fact]
    public async Task Closing_frees_the_ports_and_ends_queued_playback()
    {
        var pair = NewPair();
        pair.StartBoth();
        var play = pair.A.Play(Clip(10, 7));
        Assert.Equal(2, pair.Allocator.InUse);
        await pair.DisposeAsync();
        Assert.Equal(0, pair.Allocator.InUse);
        Assert.Equal(PlaybackResult.Stopped, await play.WaitAsync(Guard));
        Assert.Equal(0, pair.Clock.StreamCount);
    }
}

public sealed class MediaSessionLoopbackOwnLoopsTests : MediaSessionLoopbackTests
{
    protected override bool SharedReceiver => false;
}

public sealed class MediaSessionLoopbackSharedReceiverTests : MediaSessionLoopbackTests
{
    protected override bool SharedReceiver => true;
}
