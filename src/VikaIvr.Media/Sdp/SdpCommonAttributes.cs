namespace VikaIvr.Media.Sdp;

/// <summary>
/// The a= lines nearly every audio offer and answer carries, as shared instances (an
/// <see cref="SdpAttribute"/> is immutable): parsing such a line or writing our answer makes no
/// attribute object for it. Anything else is made as it is.
/// </summary>
internal static class SdpCommonAttributes
{
    public static readonly SdpAttribute RtpmapPcmu = new("rtpmap", "0 PCMU/8000");
    public static readonly SdpAttribute RtpmapPcma = new("rtpmap", "8 PCMA/8000");
    public static readonly SdpAttribute RtpmapEvent101 = new("rtpmap", "101 telephone-event/8000");
    public static readonly SdpAttribute FmtpEvent101 = new("fmtp", "101 0-16");
    public static readonly SdpAttribute Ptime20 = new("ptime", "20");

    private static readonly SdpAttribute[] Known =
    [
        RtpmapPcmu, RtpmapPcma, RtpmapEvent101, FmtpEvent101, Ptime20,
        new("fmtp", "101 0-15"), new("ptime", "30"), new("ptime", "40"),
        new("sendrecv"), new("sendonly"), new("recvonly"), new("inactive"), new("rtcp-mux"),
    ];

    /// <summary>The shared instance for this line, or a new one.</summary>
    public static SdpAttribute Get(string name, string? value = null)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, name, StringComparison.Ordinal) && string.Equals(known.Value, value, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return new SdpAttribute(name, value);
    }
}
