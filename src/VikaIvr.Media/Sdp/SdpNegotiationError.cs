namespace VikaIvr.Media.Sdp;

/// <summary>Why offer/answer failed; the SIP layer answers 488 Not Acceptable Here for all of them.</summary>
public enum SdpNegotiationError
{
    None,

    /// <summary>The SDP could not be parsed.</summary>
    Malformed,

    /// <summary>No RTP/AVP audio stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>Audio offered, but none of its codecs is in our configured list.</summary>
    NoCommonCodec,
}
