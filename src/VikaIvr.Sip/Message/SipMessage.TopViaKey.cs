using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

public abstract partial class SipMessage
{
    private const int TopViaStackChars = 256;

    /// <summary>
    /// The top Via's RFC 3261 branch and sent-by (host[:port] as <see cref="SipVia.SentBy"/> writes it),
    /// read from the first Via line's bytes without building the Via: for a request that is only
    /// matched (an ACK). False when the line is not a short received one, its first value is not a
    /// valid Via, or its branch lacks the magic cookie (then <see cref="TopVia"/> decides).
    /// </summary>
    [SkipLocalsInit]
    internal bool TryReadTopViaKey(out string branch, out string sentBy)
    {
        branch = sentBy = string.Empty;
        var raw = Headers.FirstRawValue(SipHeaderId.Via);
        if (raw.IsEmpty || raw.Length > TopViaStackChars || raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            return false;
        }

        Span<char> chars = stackalloc char[TopViaStackChars];
        var items = SipList.Items(chars[..Encoding.UTF8.GetChars(raw, chars)]);
        if (!items.MoveNext() || !SipVia.TryLocate(items.Current, out var hostRange, out var port, out var branchRange)
            || branchRange is not { } b)
        {
            return false;
        }

        var item = items.Current;
        var value = item[b];
        if (value.Length <= SipVia.MagicCookie.Length || !value.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal))
        {
            return false;
        }

        var host = item[hostRange];
        Span<char> text = stackalloc char[TopViaStackChars + 12];
        host.CopyTo(text);
        var length = host.Length;
        if (port is { } p)
        {
            text[length++] = ':';
            p.TryFormat(text[length..], out var digits, default, CultureInfo.InvariantCulture);
            length += digits;
        }

        branch = value.ToString();
        sentBy = text[..length].ToString();
        return true;
    }
}
