namespace VikaIvr.Sip.Core.SessionTimers;

/// <summary>What one INVITE, re-INVITE or UPDATE settled for the session timer (RFC 4028 9), written into its 2xx.</summary>
/// <param name="IntervalSeconds">The session interval.</param>
/// <param name="WeRefresh">True when we (the UAS) send the refreshes; false when the caller does and we only watch.</param>
/// <param name="PeerSupportsTimer">The request said Supported (or Require): timer; then the 2xx carries Require: timer.</param>
public sealed record SipSessionTimerTerms(int IntervalSeconds, bool WeRefresh, bool PeerSupportsTimer)
{
    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>The Session-Expires value of our 2xx.</summary>
    public string HeaderValue => IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";refresher=" + (WeRefresh ? "uas" : "uac");

    /// <summary>RFC 4028 10: the refresher refreshes at half the interval.</summary>
    public TimeSpan RefreshAfter => Interval / 2;

    /// <summary>RFC 4028 10: the other side sends BYE min(32 s, interval / 3) before the session expires.</summary>
    public TimeSpan ByeAfter => Interval - TimeSpan.FromSeconds(Math.Min(32.0, IntervalSeconds / 3.0));
}
