namespace VikaIvr.Media.Sdp;

/// <summary>Why offer/answer failed; the SIP layer answers 488 Not Acceptable Here for all of them.</summary>
public enum SdpNegotiationError
{
    None,

    /// <summary>The SDP could not be parsed.</summary>
    Malformed,

    /// <summary>No RTP/AVP or RTP/SAVP audio stream with a non-zero port.</summary>
    NoAudioStream,

    /// <summary>Audio offered, but none of its codecs is in our configured list.</summary>
    NoCommonCodec,

    /// <summary>A plain RTP offer while <c>Media:Srtp</c> is required.</summary>
    SrtpRequired,

    /// <summary>An RTP/SAVP offer with no a=crypto line we can use, or while SRTP is off.</summary>
    NoAcceptableCrypto,
}
