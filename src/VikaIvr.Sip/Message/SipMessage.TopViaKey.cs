using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

public abstract partial class SipMessage
{
    private const int TopViaStackChars = 256;

    /// <summary>The room each of a top Via key's buffers needs (a branch or a sent-by of a line that fits the stack).</summary>
    internal const int TopViaKeyChars = TopViaStackChars + 12;

    /// <summary>
    /// The top Via's RFC 3261 branch and sent-by (host[:port] as <see cref="SipVia.SentBy"/> writes it),
    /// read from the first Via line's bytes without building the Via: for a request that is only
    /// matched (an ACK). False when the line is not a short received one, its first value is not a
    /// valid Via, or its branch lacks the magic cookie (then <see cref="TopVia"/> decides).
    /// </summary>
    [SkipLocalsInit]
    internal bool TryReadTopViaKey(out string branch, out string sentBy)
    {
        Span<char> branchChars = stackalloc char[TopViaKeyChars];
        Span<char> sentByChars = stackalloc char[TopViaKeyChars];
        if (!TryReadTopViaKey(branchChars, sentByChars, out var branchLength, out var sentByLength))
        {
            branch = sentBy = string.Empty;
            return false;
        }

        branch = branchChars[..branchLength].ToString();
        sentBy = sentByChars[..sentByLength].ToString();
        return true;
    }

    /// <summary>
    /// As <see cref="TryReadTopViaKey(out string, out string)"/> into the caller's buffers (each at least
    /// <see cref="TopViaKeyChars"/> long), the sent-by lower-cased (as a transaction key holds it).
    /// </summary>
    [SkipLocalsInit]
    internal bool TryReadTopViaKey(Span<char> branch, Span<char> sentBy, out int branchLength, out int sentByLength)
    {
        branchLength = sentByLength = 0;
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
        var length = host.ToLowerInvariant(sentBy);
        if (port is { } p)
        {
            sentBy[length++] = ':';
            p.TryFormat(sentBy[length..], out var digits, default, CultureInfo.InvariantCulture);
            length += digits;
        }

        value.CopyTo(branch);
        branchLength = value.Length;
        sentByLength = length;
        return true;
    }
}
