using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Srtp;

/// <summary>RFC 3711 Appendix B and libsrtp's reference packets: the numbers another implementation must agree with.</summary>
public sealed class SrtpVectorTests
{
    private static readonly byte[] MasterKey = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    [Theory]
    [InlineData(0, "C61E7A93744F39EE10734AFE3FF7A087")]
    [InlineData(1, "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCEE049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC256D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2")]
    [InlineData(2, "30CBBC08863D8C85D49DB34A9AE1")]
    public void Key_derivation_matches_RFC_3711_B3(byte label, string expected)
    {
        var output = new byte[expected.Length / 2];

        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, label, output);

        Assert.Equal(expected, Convert.ToHexString(output));
    }

    [Fact]
    public void Keystream_matches_RFC_3711_B2()
    {
        // Session key and salt given directly; SSRC 0, ROC 0, SEQ 0: the IV is the salt shifted by 16 bits.
        using var transform = new SrtpTransform(
            Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"), Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        var stream = new byte[0xFF02 * 16];

        transform.Apply(stream, 0, 0);

        Assert.Equal("E03EAD0935C95E80E166B16DD92B4EB4", Block(stream, 0x0000));
        Assert.Equal("D23513162B02D0F72A43A2FE4A5F97AB", Block(stream, 0x0001));
        Assert.Equal("41E95B3BB0A2E8DD477901E4FCA894C0", Block(stream, 0x0002));
        Assert.Equal("EC8CDF7398607CB0F2D21675EA9EA1E4", Block(stream, 0xFEFF));
        Assert.Equal("362B7C3C6773516318A077D7FC5073AE", Block(stream, 0xFF00));
        Assert.Equal("6A2CC3787889374FBEB4C81B17BA6C44", Block(stream, 0xFF01));
    }

    [Theory]
    [InlineData(SrtpCryptoSuite.AesCm128HmacSha1_80, "800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB")]
    [InlineData(SrtpCryptoSuite.AesCm128HmacSha1_32, "800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC")]
    public void Rtp_packet_matches_libsrtp_reference(SrtpCryptoSuite suite, string expected)
    {
        var key = SrtpMasterKey.FromBytes(MasterKey, MasterSalt);
        using var sender = new SrtpSession(new SrtpPolicy(suite, key, key));
        using var receiver = new SrtpSession(new SrtpPolicy(suite, key, key));
        var plain = "800F1234DECAFBADCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16));
        var buffer = new byte[100];
        Convert.FromHexString(plain).CopyTo(buffer, 0);

        int length = sender.ProtectRtp(buffer, 28);

        Assert.Equal(expected, Convert.ToHexString(buffer, 0, length));
        Assert.Equal(SrtpUnprotectResult.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, length), out int plainLength));
        Assert.Equal(plain, Convert.ToHexString(buffer, 0, plainLength));
    }

    [Fact]
    public void Rtcp_packet_matches_libsrtp_reference()
    {
        var key = SrtpMasterKey.FromBytes(MasterKey, MasterSalt);
        using var receiver = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, key, key));
        var packet = Convert.FromHexString("81C8000BCAFEBABE7128035BE487B9BDBEF89041F977A5A880000001993E08CD54D6C1230798");

        Assert.Equal(SrtpUnprotectResult.Ok, receiver.UnprotectRtcp(packet, out int length));

        Assert.Equal("81C8000BCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)), Convert.ToHexString(packet, 0, length));
    }

    private static string Block(byte[] stream, int index) => Convert.ToHexString(stream, index * 16, 16);
}
