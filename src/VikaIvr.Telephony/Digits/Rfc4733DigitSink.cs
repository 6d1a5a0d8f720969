using VikaIvr.Flows.Digits;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Digits;

/// <summary>Posts the media session's RFC 4733 digits into the call's queue, on the receive path (DigitQueue.Post takes only a short lock).</summary>
public sealed class Rfc4733DigitSink(DigitQueue digits) : IMediaDigitSink
{
    public void OnDigit(in MediaDigit digit) => digits.Post(digit.Digit, DtmfSource.Rfc4733);
}
