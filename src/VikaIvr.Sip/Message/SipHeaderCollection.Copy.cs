using System.Text;
using System.Text.Unicode;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Lines copied from a received request into the response built for it (RFC 3261 8.2.6.2): a line
/// whose bytes already read as the canonical line would (canonical name, one physical line, valid
/// UTF-8) is shared as bytes of the request instead of decoded to a string and encoded again.
/// </summary>
public sealed partial class SipHeaderCollection
{
    /// <summary>An empty collection that may share lines of <paramref name="request"/>'s bytes, with room for <paramref name="capacity"/> lines.</summary>
    internal SipHeaderCollection(SipHeaderCollection request, int capacity)
    {
        _source = request._source;
        _entries = new HeaderEntry[capacity];
    }

    /// <summary>Appends line <paramref name="index"/> of <paramref name="from"/> under its canonical name (shared bytes when they can be).</summary>
    internal void AddCopy(SipHeaderCollection from, int index)
    {
        ref var e = ref from._entries[index];
        var name = SipHeaderNames.GetName(e.Id);
        if (from.IsCanonicalRaw(index, name) && from._source.Equals(_source))
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(8, _count * 2));
            }

            _entries[_count++] = e;
            Changed();
            return;
        }

        Add(name, from.ValueAt(index));
    }

    /// <summary>
    /// Replaces the value of line <paramref name="index"/> in place, keeping its name as written
    /// (the same as removing the line and inserting the new one where it was).
    /// </summary>
    internal void ReplaceValueAt(int index, string value)
    {
        ref var e = ref _entries[index];
        string name;
        if (!e.IsRaw)
        {
            name = NameAt(index);
        }
        else if (e.Id != SipHeaderId.Unknown && Ascii.Equals(RawNameAt(index), SipHeaderNames.GetName(e.Id)))
        {
            name = SipHeaderNames.GetName(e.Id);
        }
        else
        {
            name = NameAt(index);
        }

        _entries[index] = Store(e.Id, name, value);
        Changed();
    }

    /// <summary>True when line <paramref name="index"/> is line <paramref name="otherIndex"/> of <paramref name="other"/>, shared as the same bytes.</summary>
    internal bool IsSameLine(int index, SipHeaderCollection other, int otherIndex)
    {
        if (otherIndex < 0 || !_source.Equals(other._source))
        {
            return false;
        }

        ref var e = ref _entries[index];
        ref var o = ref other._entries[otherIndex];
        return e.IsRaw && o.IsRaw && e.ValueStart == o.ValueStart && e.ValueLength == o.ValueLength && e.Id == o.Id;
    }

    /// <summary>True when the raw line reads exactly as <paramref name="name"/>: value (one physical line of valid UTF-8).</summary>
    private bool IsCanonicalRaw(int index, string name)
    {
        ref var e = ref _entries[index];
        if (!e.IsRaw || e.Id == SipHeaderId.Unknown || !Ascii.Equals(_source.Span.Slice(e.NameStart, e.NameLength), name))
        {
            return false;
        }

        var raw = _source.Span.Slice(e.ValueStart, e.ValueLength);
        return raw.IndexOfAny((byte)'\r', (byte)'\n') < 0 && Utf8.IsValid(raw);
    }
}
