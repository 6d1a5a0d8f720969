using VikaIvr.Media.Rtp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>Configuration for offer/answer; bind from configuration, shared by all calls.</summary>
public sealed class SdpOfferAnswerOptions
{
    /// <summary>Codecs we accept, in our preference order for our own offers (answers follow the caller's order).</summary>
    public IList<RtpAudioCodec> Codecs { get; set; } = [RtpAudioCodec.Pcmu, RtpAudioCodec.Pcma];

    /// <summary>Whether to negotiate RFC 4733 telephone-event at all.</summary>
    public bool TelephoneEvent { get; set; } = true;

    /// <summary>The dynamic payload type for telephone-event in our own offers (answers reuse the caller's).</summary>
    public int OfferTelephoneEventPayloadType { get; set; } = 101;

    /// <summary>Packet time used when the peer states none or states one outside 10–40 ms.</summary>
    public int DefaultPtimeMs { get; set; } = 20;

    /// <summary>SRTP policy: answers to RTP/SAVP offers and whether our own offers are RTP/SAVP (only when required).</summary>
    public SrtpMode Srtp { get; set; } = SrtpMode.Optional;

    /// <summary>Crypto suites we accept (answers take the offer's first one listed here) and offer, in this order.</summary>
    public IList<SrtpCryptoSuite> SrtpSuites { get; set; } = [SrtpCryptoSuite.AesCm128HmacSha1_80, SrtpCryptoSuite.AesCm128HmacSha1_32];

    public string OriginUsername { get; set; } = "-";

    /// <summary>"-" here and in <see cref="OriginUsername"/> (RFC 4566 5.2, 5.3): an answer names no product to a scanner.</summary>
    public string SessionName { get; set; } = "-";
}
