using System.Text;

namespace VikaIvr.Sip.Message;

public abstract partial class SipMessage
{
    /// <summary>The room <see cref="TryReadDialogIds"/> needs: one short line each for Call-ID, To and From.</summary>
    internal const int DialogIdsChars = 3 * DialogIdLineChars;

    private const int DialogIdLineChars = 256;

    /// <summary>
    /// Call-ID (trimmed, as <see cref="CallId"/>), the To tag and the From tag (each as <see cref="ToTag"/> and
    /// <see cref="FromTag"/> read them, empty for none) decoded into <paramref name="buffer"/> from the received
    /// lines, without strings. False when one of the three lines is absent, built, folded or long, or when To is
    /// malformed: then the string views decide.
    /// </summary>
    internal bool TryReadDialogIds(Span<char> buffer, out SipDialogIds ids)
    {
        ids = default;
        if (buffer.Length < DialogIdsChars
            || !TryDecodeLine(SipHeaderId.CallId, buffer[..DialogIdLineChars], out var callId)
            || !TryDecodeLine(SipHeaderId.To, buffer.Slice(DialogIdLineChars, DialogIdLineChars), out var to)
            || !TryDecodeLine(SipHeaderId.From, buffer.Slice(2 * DialogIdLineChars, DialogIdLineChars), out var from)
            || !SipNameAddr.TryLocateTag(to, out var toTag))
        {
            return false;
        }

        // A malformed From reads as no From tag (FromTag is null then), which the dialog compares as empty.
        var fromTag = SipNameAddr.TryLocateTag(from, out var f) && f is { } fr ? from[fr] : default;
        ids = new SipDialogIds(callId.Trim(), toTag is { } tr ? to[tr] : default, fromTag);
        return true;
    }

    private bool TryDecodeLine(SipHeaderId id, Span<char> chars, out Span<char> text)
    {
        text = default;
        var raw = Headers.FirstRawValue(id);
        if (raw.IsEmpty || raw.Length > chars.Length || raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            return false;
        }

        text = chars[..Encoding.UTF8.GetChars(raw, chars)];
        return true;
    }
}
