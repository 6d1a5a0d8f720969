namespace VikaIvr.Media.Session;

/// <summary>Per-session behaviour, shared by all calls.</summary>
public sealed class MediaSessionOptions
{
    /// <summary>Send silence frames when nothing plays (keeps NAT bindings and the caller's jitter buffer happy); false sends nothing.</summary>
    public bool ComfortSilence { get; set; } = true;

    /// <summary>Latch the send address to where the peer's RTP comes from.</summary>
    public bool SymmetricRtp { get; set; } = true;

    /// <summary>Once latched, drop RTP from any other source.</summary>
    public bool StrictRtp { get; set; } = true;

    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The RTCP CNAME: by default random per options object (RFC 7022's short-term persistent CNAME),
    /// so RTCP names neither the product nor the host to whoever calls.
    /// </summary>
    public string Cname { get; set; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    /// <summary>Default key-down time for outgoing RFC 4733 digits.</summary>
    public TimeSpan DtmfDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause after an outgoing RFC 4733 digit before the next one.</summary>
    public TimeSpan DtmfGap { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>An RFC 4733 event without packets for this long counts as ended (its end packets were lost).</summary>
    public TimeSpan DtmfEventTimeout { get; set; } = TimeSpan.FromMilliseconds(800);
}
