using System.Buffers.Binary;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Srtp;

public sealed class SrtpSessionTests
{
    private readonly SrtpMasterKey _a = SrtpMasterKey.Generate();
    private readonly SrtpMasterKey _b = SrtpMasterKey.Generate();

    [Theory]
    [InlineData(SrtpCryptoSuite.AesCm128HmacSha1_80, 10)]
    [InlineData(SrtpCryptoSuite.AesCm128HmacSha1_32, 4)]
    public void Rtp_round_trips_with_the_payload_encrypted_and_the_header_clear(SrtpCryptoSuite suite, int tag)
    {
        using var pair = Pair(suite);
        var (caller, server) = pair;
        var buffer = Rtp(1000, 0x11223344, 160);
        var plain = buffer[..172].ToArray();

        int length = caller.ProtectRtp(buffer, 172);

        Assert.Equal(172 + tag, length);
        Assert.Equal(plain[..12], buffer[..12]);
        Assert.NotEqual(plain[12..172], buffer[12..172]);
        Assert.Equal(SrtpUnprotectResult.Ok, server.UnprotectRtp(buffer.AsSpan(0, length), out int plainLength));
        Assert.Equal(plain, buffer[..plainLength]);
    }

    [Fact]
    public void A_tampered_packet_is_refused_and_counted()
    {
        using var pair = Pair(SrtpCryptoSuite.AesCm128HmacSha1_80);
        var (caller, server) = pair;
        var buffer = Rtp(7, 1, 160);
        int length = caller.ProtectRtp(buffer, 172);
        buffer[40] ^= 1;

        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, server.UnprotectRtp(buffer.AsSpan(0, length), out _));

        Assert.Equal(1, server.AuthenticationFailures);
    }

    [Fact]
    public void A_packet_under_another_key_is_refused()
    {
        using var caller = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, _a, _b));
        using var stranger = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, _b, SrtpMasterKey.Generate()));
        var buffer = Rtp(7, 1, 160);
        int length = caller.ProtectRtp(buffer, 172);

        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, stranger.UnprotectRtp(buffer.AsSpan(0, length), out _));
    }

    [Fact]
    public void A_replayed_packet_is_refused_and_late_ones_within_the_window_pass_once()
    {
        using var pair = Pair(SrtpCryptoSuite.AesCm128HmacSha1_80);
        var (caller, server) = pair;
        var packets = new List<byte[]>();
        for (int i = 0; i < 100; i++)
        {
            var buffer = Rtp((ushort)(500 + i), 9, 20);
            int length = caller.ProtectRtp(buffer, 32);
            packets.Add(buffer[..length]);
        }

        Assert.Equal(SrtpUnprotectResult.Ok, Receive(server, packets[99]));
        Assert.Equal(SrtpUnprotectResult.Ok, Receive(server, packets[50]));
        Assert.Equal(SrtpUnprotectResult.Replayed, Receive(server, packets[50]));
        Assert.Equal(SrtpUnprotectResult.Replayed, Receive(server, packets[99]));
        // 64 behind the highest: outside the window.
        Assert.Equal(SrtpUnprotectResult.Replayed, Receive(server, packets[35]));
        Assert.Equal(SrtpUnprotectResult.Ok, Receive(server, packets[36]));
        Assert.Equal(3, server.Replayed);
    }

    [Fact]
    public void The_rollover_counter_follows_the_sequence_number_through_its_wrap()
    {
        using var pair = Pair(SrtpCryptoSuite.AesCm128HmacSha1_32);
        var (caller, server) = pair;
        var late = Array.Empty<byte>();
        for (int i = 0; i < 130; i++)
        {
            ushort sequence = (ushort)(65436 + i);
            var buffer = Rtp(sequence, 5, 20);
            int length = caller.ProtectRtp(buffer, 32);
            if (i == 98)
            {
                // Held back, delivered after the wrap: it still belongs to rollover 0.
                late = buffer[..length];
                continue;
            }

            Assert.Equal(SrtpUnprotectResult.Ok, Receive(server, buffer[..length]));
        }

        Assert.Equal(SrtpUnprotectResult.Ok, Receive(server, late));
        Assert.Equal(0, server.AuthenticationFailures);
    }

    [Fact]
    public void Rtcp_round_trips_with_its_index_and_replays_are_refused()
    {
        using var pair = Pair(SrtpCryptoSuite.AesCm128HmacSha1_32);
        var (caller, server) = pair;
        var buffer = new byte[200];
        var plain = new byte[28];
        plain[0] = 0x80;
        plain[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(4), 0xCAFE);
        plain.AsSpan(8).Fill(0x5A);
        plain.CopyTo(buffer, 0);

        int length = caller.ProtectRtcp(buffer, 28);

        Assert.Equal(28 + SrtpSession.RtcpOverhead, length);
        Assert.NotEqual(plain[8..], buffer[8..28]);
        var copy = buffer[..length];
        Assert.Equal(SrtpUnprotectResult.Ok, server.UnprotectRtcp(buffer.AsSpan(0, length), out int plainLength));
        Assert.Equal(plain, buffer[..plainLength]);
        Assert.Equal(SrtpUnprotectResult.Replayed, server.UnprotectRtcp(copy, out _));
        copy[^1] ^= 0x80;
        using var fresh = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_32, _b, _a));
        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, fresh.UnprotectRtcp(copy, out _));
    }

    [Fact]
    public void Short_and_garbage_packets_are_refused_without_throwing()
    {
        using var pair = Pair(SrtpCryptoSuite.AesCm128HmacSha1_80);
        var (_, server) = pair;

        Assert.Equal(SrtpUnprotectResult.Malformed, server.UnprotectRtp(new byte[15], out _));
        Assert.Equal(SrtpUnprotectResult.Malformed, server.UnprotectRtp(new byte[40], out _));
        Assert.Equal(SrtpUnprotectResult.Malformed, server.UnprotectRtcp(new byte[20], out _));
        var fake = new byte[60];
        fake[0] = 0x9F; // version 2, extension, 15 CSRCs: a header longer than the packet
        Assert.Equal(SrtpUnprotectResult.Malformed, server.UnprotectRtp(fake, out _));
        Assert.Equal(4, server.Malformed);
    }

    internal static byte[] Rtp(ushort sequence, uint ssrc, int payload)
    {
        var buffer = new byte[1500];
        buffer[0] = 0x80;
        buffer[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8), ssrc);
        for (int i = 0; i < payload; i++)
        {
            buffer[12 + i] = (byte)(i * 7);
        }

        return buffer;
    }

    private static SrtpUnprotectResult Receive(SrtpSession session, byte[] packet) => session.UnprotectRtp(packet.ToArray(), out _);

    private Sessions Pair(SrtpCryptoSuite suite) => new(new SrtpSession(new SrtpPolicy(suite, _a, _b)), new SrtpSession(new SrtpPolicy(suite, _b, _a)));

    private readonly record struct Sessions(SrtpSession Caller, SrtpSession Server) : IDisposable
    {
        public void Dispose()
        {
            Caller.Dispose();
            Server.Dispose();
        }
    }
}
