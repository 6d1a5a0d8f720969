using System.Globalization;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Core.SessionTimers;

/// <summary>
/// RFC 4028 9 as the UAS, for an INVITE, a re-INVITE or an UPDATE: a Session-Expires below our
/// Min-SE gets 422; otherwise the interval is the caller's (shortened to our Sip:SessionExpiresSeconds,
/// never below either Min-SE) or ours when it names none, and the refresher is the caller's choice,
/// the caller when it supports timers and does not choose, and we when it does not support them.
/// </summary>
public static class SipSessionTimerNegotiation
{
    public const string OptionTag = "timer";

    /// <summary>The terms for <paramref name="request"/>; null when it must be refused with 422 and a Min-SE of <paramref name="minSe"/>.</summary>
    public static SipSessionTimerTerms? Negotiate(SipRequest request, SipSessionTimerOptions options, out int minSe)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        int localMin = (int)options.MinSessionExpires.TotalSeconds;
        int requestMin = ReadDelta(request.Headers.Get(SipHeaderId.MinSE), out _) ?? 0;
        minSe = Math.Max(localMin, requestMin);
        bool supports = request.Headers.HasToken(SipHeaderId.Supported, OptionTag) || request.Headers.HasToken(SipHeaderId.Require, OptionTag);
        int? asked = ReadDelta(request.Headers.Get(SipHeaderId.SessionExpires), out var refresher);
        if (asked is { } tooSmall && tooSmall < localMin)
        {
            return null;
        }

        int ours = Math.Max((int)options.SessionExpires.TotalSeconds, minSe);
        int interval = asked is { } a ? Math.Min(a, ours) : ours;
        // The table of RFC 4028 9: without timer support the caller cannot refresh, so we do.
        bool weRefresh = !supports || refresher.Equals("uas", StringComparison.OrdinalIgnoreCase);
        return new SipSessionTimerTerms(interval, weRefresh, supports);
    }

    /// <summary>delta-seconds *(;param), the refresher parameter's value (empty when absent); null when absent or not a number.</summary>
    internal static int? ReadDelta(string? value, out string refresher)
    {
        refresher = string.Empty;
        if (value is null)
        {
            return null;
        }

        var text = value.AsSpan();
        int semi = text.IndexOf(';');
        var number = (semi < 0 ? text : text[..semi]).Trim();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) || seconds <= 0)
        {
            return null;
        }

        while (semi >= 0)
        {
            text = text[(semi + 1)..];
            semi = text.IndexOf(';');
            var param = (semi < 0 ? text : text[..semi]).Trim();
            int eq = param.IndexOf('=');
            if (eq > 0 && param[..eq].Trim().Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                refresher = param[(eq + 1)..].Trim().ToString();
            }
        }

        return seconds;
    }
}
