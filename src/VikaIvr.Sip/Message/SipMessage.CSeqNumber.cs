using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

public abstract partial class SipMessage
{
    private const int CSeqStackChars = 128;

    /// <summary>
    /// CSeq's number (<c>CSeq?.Number</c>), read from a short received line's bytes without building the
    /// CSeq or the message's typed views: for a request that is only matched (an ACK).
    /// </summary>
    [SkipLocalsInit]
    internal uint? CSeqNumber
    {
        get
        {
            var raw = Headers.FirstRawValue(SipHeaderId.CSeq);
            if (raw.IsEmpty || raw.Length > CSeqStackChars || raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                return CSeq?.Number;
            }

            Span<char> chars = stackalloc char[CSeqStackChars];
            return SipCSeq.TryLocate(chars[..Encoding.UTF8.GetChars(raw, chars)], out var number, out _) ? number : null;
        }
    }
}
