using VikaIvr.Media.Rtp;
using VikaIvr.Sip.Core.Outgoing;

namespace VikaIvr.Testing.Caller;

/// <summary>How the test caller dials and behaves.</summary>
public sealed class TestCallerOptions
{
    /// <summary>The one codec we offer (so the server must use it).</summary>
    public RtpAudioCodec Codec { get; set; } = RtpAudioCodec.Pcmu;

    public TestCallerDtmfMode DtmfMode { get; set; } = TestCallerDtmfMode.Rfc4733;

    /// <summary>Offer RTP/SAVP with SDES keys (both AES_CM_128 suites) and insist on SRTP in the answer; false offers plain RTP/AVP.</summary>
    public bool Srtp { get; set; }

    /// <summary>Our number (From user).</summary>
    public string FromUser { get; set; } = "081234567890";

    /// <summary>Overrides the target URI's user part (the called number), e.g. from a script's `call 165`.</summary>
    public string? CalledUser { get; set; }

    public TimeSpan DtmfDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan DtmfGap { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>How long to wait for the final answer to the INVITE.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Local RTP ports (busy ones are skipped).</summary>
    public int RtpPortMin { get; set; } = 42000;

    public int RtpPortMax { get; set; } = 43998;

    /// <summary>Send comfort silence (true) or nothing (false) when not sending keys.</summary>
    public bool SendSilence { get; set; } = true;

    /// <summary>The final status we report for a REFER from the server (200 = the transfer worked).</summary>
    public Func<SipReferRequest, int> ReferOutcome { get; set; } = static _ => 200;

    /// <summary>Called for every SIP event (progress output); must be quick.</summary>
    public Action<SipOutgoingEvent>? OnEvent { get; set; }
}
