using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;
using VikaIvr.Media.Tests.Session;

namespace VikaIvr.Media.Tests.Srtp;

public sealed class MediaSessionSrtpTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static EncodedAudio Clip(int frames)
    {
        var pcm = new short[frames * 160];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(Math.Sin(i * 0.05) * 9000);
        }

        return EncodedAudio.Encode(pcm, RtpAudioCodec.Pcmu, "srtp");
    }

    [Theory]
    [InlineData(false, SrtpCryptoSuite.AesCm128HmacSha1_80)]
    [InlineData(true, SrtpCryptoSuite.AesCm128HmacSha1_32)]
    public async Task Audio_digits_and_rtcp_cross_on_srtp(bool sharedReceiver, SrtpCryptoSuite suite)
    {
        var sink = new DigitSink();
        await using var pair = new LoopbackPair(sharedReceiver: sharedReceiver, bDigits: sink);
        pair.StartBothSecure(suite, SrtpMasterKey.Generate(), SrtpMasterKey.Generate());
        var clip = Clip(4);

        var played = pair.A.Play(clip);
        pair.Frames(4);
        Assert.Equal(PlaybackResult.Completed, await played.WaitAsync(Guard));
        var sent = pair.A.SendDtmf('5', TimeSpan.FromMilliseconds(100));
        pair.Frames(12);
        await sent.WaitAsync(Guard);

        var digit = await sink.Digits.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal('5', digit.Digit);
        await LoopbackPair.WaitUntil(() => pair.Received.Packets.Count >= 4);
        var first = pair.Received.Packets.ToArray()[0].Samples;
        var expected = new short[160];
        VikaIvr.Media.Codecs.G711.DecodeMuLaw(clip.Data.Span[..160], expected);
        Assert.Equal(expected, first);
        Assert.True(pair.A.IsSecure);
        await pair.A.DisposeAsync();   // its RTCP BYE goes out as SRTCP
        await LoopbackPair.WaitUntil(() => pair.B.GetStatistics().RemoteByeReceived);
        Assert.Equal(0, pair.B.GetStatistics().SrtpAuthenticationFailures);
    }

    [Fact]
    public async Task Packets_under_a_key_we_did_not_agree_are_dropped_and_counted()
    {
        await using var pair = new LoopbackPair();
        var aKey = SrtpMasterKey.Generate();
        pair.A.Start(pair.MediaTo(pair.B) with { Srtp = new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, aKey, SrtpMasterKey.Generate()) });
        pair.B.Start(pair.MediaTo(pair.A) with { Srtp = new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, SrtpMasterKey.Generate(), SrtpMasterKey.Generate()) });

        pair.A.Play(Clip(3)).GetAwaiter();
        pair.Frames(3);

        await LoopbackPair.WaitUntil(() => pair.B.GetStatistics().SrtpAuthenticationFailures >= 3);
        Assert.Empty(pair.Received.Packets);
        Assert.Equal(0, pair.B.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task What_leaves_the_socket_is_srtp_not_the_clip()
    {
        await using var pair = new LoopbackPair();
        using var wire = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        wire.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var key = SrtpMasterKey.Generate();
        var peerKey = SrtpMasterKey.Generate();
        var media = pair.MediaTo(pair.B) with { RemoteEndPoint = (IPEndPoint)wire.LocalEndPoint!, Srtp = new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, key, peerKey) };
        pair.A.Start(media);
        var clip = Clip(2);

        pair.A.Play(clip).GetAwaiter();
        pair.Frames(1);
        var buffer = new byte[1500];
        int n = await wire.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Guard);

        Assert.Equal(12 + 160 + 10, n);
        Assert.False(buffer.AsSpan(12, 160).SequenceEqual(clip.Data.Span[..160]));
        using var peer = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, peerKey, key));
        Assert.Equal(SrtpUnprotectResult.Ok, peer.UnprotectRtp(buffer.AsSpan(0, n), out int length));
        Assert.Equal(172, length);
        Assert.True(buffer.AsSpan(12, 160).SequenceEqual(clip.Data.Span[..160]));
    }

    private sealed class DigitSink : IMediaDigitSink
    {
        public Channel<MediaDigit> Digits { get; } = Channel.CreateUnbounded<MediaDigit>();

        public void OnDigit(in MediaDigit digit) => Digits.Writer.TryWrite(digit);
    }
}
