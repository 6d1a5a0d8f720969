namespace VikaIvr.Media.Sdp;

/// <summary>
/// The words nearly every offer repeats (address types, the audio profile, common payload types,
/// attribute names and values) as shared strings, so parsing an offer makes a string only for what
/// is particular to it (addresses, ids, unusual lines). Exact, case-sensitive matches only: text
/// that differs in any way is copied as it is.
/// </summary>
internal static class SdpTokens
{
    private static readonly string[] Known =
    [
        "-", "IN", "IP4", "IP6", "0 0", "audio", "RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF",
        "0", "8", "9", "18", "96", "97", "98", "100", "101", "110", "120", "126", "127",
        "rtpmap", "fmtp", "ptime", "maxptime", "sendrecv", "sendonly", "recvonly", "inactive", "rtcp", "rtcp-mux", "crypto", "silenceSupp",
        "0 PCMU/8000", "8 PCMA/8000", "9 G722/8000", "18 G729/8000", "101 telephone-event/8000", "101 0-16", "101 0-15",
        "20", "30", "40", "60", "150", "annexb=no", "18 annexb=no",
    ];

    public static string Get(ReadOnlySpan<char> text)
    {
        foreach (var known in Known)
        {
            if (text.SequenceEqual(known))
            {
                return known;
            }
        }

        return text.ToString();
    }
}
