using System.Net;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Telephony.Calls;

public sealed class TelephonyOptions
{
    /// <summary>The address put in SDP (a public address behind NAT). Null: the local address that reaches the caller.</summary>
    public IPAddress? MediaAddress { get; set; }

    /// <summary>Where RTP sockets bind. Null: the same as the SDP address.</summary>
    public IPAddress? RtpBindAddress { get; set; }

    /// <summary>Codecs in our order of preference; the caller's order decides among these.</summary>
    public IList<RtpAudioCodec> Codecs { get; set; } = [RtpAudioCodec.Pcmu, RtpAudioCodec.Pcma];

    /// <summary>Ring (180) this long before answering; 0 answers at once.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>"auto": in-band detection only when telephone-event was not negotiated; "always"; "never".</summary>
    public string InBandDtmf { get; set; } = "auto";

    /// <summary>SRTP policy for offers and answers (RFC 4568 SDES): off, optional (SRTP when offered) or required (plain offers get 488).</summary>
    public SrtpMode Srtp { get; set; } = SrtpMode.Optional;

    public MediaSessionOptions Media { get; set; } = new();

    /// <summary>An answered call whose caller sends no RTP or RTCP this long (not while it holds) ends with BYE, "media-timeout"; null: never.</summary>
    public TimeSpan? RtpTimeout { get; set; }
}
