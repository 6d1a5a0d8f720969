namespace VikaIvr.Sip.Core.SessionTimers;

/// <summary>
/// The Session-Expires values of a user agent's 2xx responses, the last one kept: calls from one
/// trunk settle the same terms, so the value is written once, not once a call.
/// </summary>
internal sealed class SipSessionExpiresValues
{
    private Entry? _last;

    /// <summary><paramref name="terms"/>' <see cref="SipSessionTimerTerms.HeaderValue"/>, shared while the terms repeat.</summary>
    public string ValueOf(SipSessionTimerTerms terms)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && last.IntervalSeconds == terms.IntervalSeconds && last.WeRefresh == terms.WeRefresh)
        {
            return last.Value;
        }

        var made = new Entry(terms.IntervalSeconds, terms.WeRefresh, terms.HeaderValue);
        Volatile.Write(ref _last, made);
        return made.Value;
    }

    private sealed record Entry(int IntervalSeconds, bool WeRefresh, string Value);
}
