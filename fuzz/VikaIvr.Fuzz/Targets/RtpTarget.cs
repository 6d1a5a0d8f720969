using VikaIvr.Media.Rtp;

namespace VikaIvr.Fuzz.Targets;

/// <summary>A received datagram as RTP: parsed (false for anything not version 2), every part read.</summary>
internal sealed class RtpTarget : IFuzzTarget
{
    public string Name => "rtp";

    public string Covers => "RtpPacket.TryParse + RtpHeader, CSRCs, extension, payload";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (!RtpPacket.TryParse(input, out var packet))
        {
            return;
        }

        var header = packet.Header;
        for (var i = 0; i < header.CsrcCount; i++)
        {
            _ = packet.GetCsrc(i);
        }

        _ = (packet.ExtensionProfile, packet.ExtensionData.Length, packet.Payload.Length, header.Size);
        Span<byte> rewritten = stackalloc byte[RtpHeader.FixedSize];
        _ = header.WriteFixed(rewritten);
    }
}
