using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Tests.Srtp;

[Collection(AllocationCollection.Name)]
public sealed class SrtpAllocationTests
{
    [Fact]
    public void Protect_and_unprotect_allocate_nothing_per_packet()
    {
        var a = SrtpMasterKey.Generate();
        var b = SrtpMasterKey.Generate();
        using var sender = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, a, b));
        using var receiver = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, b, a));
        var rtp = SrtpSessionTests.Rtp(1, 42, 160);
        var rtcp = new byte[200];
        rtcp[0] = 0x80;
        rtcp[1] = 201;
        rtcp[3] = 6;
        ushort sequence = 1;

        AllocationMeter.AssertNone(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                rtp[2] = (byte)(sequence >> 8);
                rtp[3] = (byte)sequence++;
                int length = sender.ProtectRtp(rtp, 172);
                if (receiver.UnprotectRtp(rtp.AsSpan(0, length), out _) != SrtpUnprotectResult.Ok)
                {
                    throw new InvalidOperationException("SRTP round trip failed");
                }

                int n = sender.ProtectRtcp(rtcp, 28);
                if (receiver.UnprotectRtcp(rtcp.AsSpan(0, n), out _) != SrtpUnprotectResult.Ok)
                {
                    throw new InvalidOperationException("SRTCP round trip failed");
                }
            }
        });
    }
}
