namespace VikaIvr.Sip.Core.SessionTimers;

/// <summary>RFC 4028 session timers for the calls we answer (Sip:SessionExpiresSeconds, Sip:MinSessionExpiresSeconds).</summary>
public sealed class SipSessionTimerOptions
{
    /// <summary>The interval we ask for when the caller names none, and the most we grant when it names a longer one.</summary>
    public TimeSpan SessionExpires { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>Our Min-SE: a smaller Session-Expires gets 422 (RFC 4028 says at least 90 s; less only in tests).</summary>
    public TimeSpan MinSessionExpires { get; set; } = TimeSpan.FromSeconds(90);
}
