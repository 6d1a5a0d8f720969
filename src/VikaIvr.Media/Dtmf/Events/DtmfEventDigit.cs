namespace VikaIvr.Media.Dtmf.Events;

/// <summary>One completed RFC 4733 event: the digit and how long the key was held.</summary>
/// <param name="Digit">'0'–'9', '*', '#', 'A'–'D'.</param>
/// <param name="RtpTimestamp">The event's RTP timestamp (its start, in sender clock units).</param>
/// <param name="DurationSamples">Duration in timestamp units as last reported by the sender.</param>
/// <param name="EndSeen">False when the event was closed by a newer event or a timeout (no end packet arrived).</param>
public readonly record struct DtmfEventDigit(char Digit, uint RtpTimestamp, int DurationSamples, bool EndSeen)
{
    public TimeSpan Duration(int clockRate = 8000) => TimeSpan.FromSeconds(DurationSamples / (double)clockRate);
}
