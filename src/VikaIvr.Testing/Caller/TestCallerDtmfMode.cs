namespace VikaIvr.Testing.Caller;

/// <summary>How the test caller sends keys.</summary>
public enum TestCallerDtmfMode
{
    /// <summary>RFC 4733 telephone-event packets in the RTP stream.</summary>
    Rfc4733,

    /// <summary>One SIP INFO (application/dtmf-relay) per key.</summary>
    Info,

    /// <summary>DTMF tones in the audio (100 ms tone, 60 ms gap).</summary>
    InBand,
}
