namespace VikaIvr.Sip.Message;

/// <summary>
/// Shared instances of the words nearly every message repeats (parameter names, transports,
/// schemes), so typed views do not allocate a string for each. Exact, case-sensitive matches
/// only: text is always kept as written.
/// </summary>
internal static class SipWords
{
    private static readonly string[] Words =
    [
        "tag", "branch", "rport", "received", "transport", "lr", "user", "maddr", "ttl", "expires", "q",
        "method", "udp", "tcp", "tls", "UDP", "TCP", "TLS", "phone", "SIP", "2.0", "sip", "sips", "tel",
        "application", "sdp",
    ];

    public static string Get(ReadOnlySpan<char> text)
    {
        foreach (var w in Words)
        {
            if (text.SequenceEqual(w))
            {
                return w;
            }
        }

        return text.ToString();
    }
}
