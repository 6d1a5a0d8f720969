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

    /// <summary>
    /// CSeq's number and method (<c>CSeq</c>'s), read as <see cref="CSeqNumber"/>: a method that reads as
    /// <paramref name="expected"/> (a request's own) is given as that string, so a well-formed request makes
    /// no CSeq; any other line is built. False when CSeq is absent or malformed.
    /// </summary>
    [SkipLocalsInit]
    internal bool TryReadCSeq(string expected, out uint number, out string method)
    {
        var raw = Headers.FirstRawValue(SipHeaderId.CSeq);
        if (!raw.IsEmpty && raw.Length <= CSeqStackChars && raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            Span<char> chars = stackalloc char[CSeqStackChars];
            var text = chars[..Encoding.UTF8.GetChars(raw, chars)];
            if (SipCSeq.TryLocate(text, out number, out var range) && text[range].SequenceEqual(expected))
            {
                method = expected;
                return true;
            }
        }

        (number, method) = CSeq is { } cseq ? (cseq.Number, cseq.Method) : (0u, string.Empty);
        return CSeq is not null;
    }
}
