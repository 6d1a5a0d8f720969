using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Spliced lines: a response's Via stamp and To tag kept as the request's raw bytes plus the few
/// bytes to add, written in by the serializer (the same bytes on every retransmission), so a
/// response makes no new string for the whole value. The value string is built only when read.
/// </summary>
public sealed partial class SipHeaderCollection
{
    private const int StackBytes = 512;

    /// <summary>
    /// Stamps line <paramref name="index"/> (a raw Via line under its canonical name, whose value
    /// is exactly the one Via as written by <see cref="SipVia.ToString()"/>): <c>=</c><paramref name="rport"/>
    /// after offset <paramref name="rportAt"/> (0: none), <c>;received=</c><paramref name="received"/> at
    /// the end (null: none). False, changing nothing, when the line is not such a raw line.
    /// </summary>
    internal bool TryStampRaw(int index, int rportAt, int rport, string? received)
    {
        ref var e = ref _entries[index];
        if (!e.IsRaw || !Ascii.Equals(RawNameAt(index), SipHeaderNames.GetName(e.Id)) || rportAt > ushort.MaxValue)
        {
            return false;
        }

        _entries[index] = HeaderEntry.Spliced(e, HeaderSplice.ViaStamp, rportAt, rport, received is null ? -1 : Keep(received));
        Changed();
        return true;
    }

    /// <summary>Appends line <paramref name="index"/> of <paramref name="from"/> under its canonical name with <c>;tag=</c><paramref name="tag"/> added.</summary>
    internal void AddCopyWithTag(SipHeaderCollection from, int index, string tag)
    {
        ref var e = ref from._entries[index];
        var raw = from.RawValueAt(index);

        // Spliced when the bytes are ours and read as their string would be written (ASCII, one line).
        if (!e.IsRaw || !from._source.Equals(_source) || raw.IndexOfAny((byte)'\r', (byte)'\n') >= 0 || !Ascii.IsValid(raw) || !Ascii.IsValid(tag))
        {
            Add(SipHeaderNames.GetName(e.Id), from.ValueAt(index) + ";tag=" + tag);
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _count * 2));
        }

        _entries[_count++] = HeaderEntry.Spliced(e, HeaderSplice.ToTag, 0, 0, Keep(tag));
        Changed();
    }

    /// <summary>The byte count of spliced line <paramref name="index"/>'s value.</summary>
    internal int SplicedLength(int index)
    {
        ref var e = ref _entries[index];
        var n = e.ValueLength;
        if (e.RportAt > 0)
        {
            n += 1 + SipText.DigitCount(e.Rport);
        }

        if (e.SuffixSlot >= 0)
        {
            n += Suffix(e.Splice).Length + Encoding.UTF8.GetByteCount(_built![e.SuffixSlot]);
        }

        return n;
    }

    /// <summary>Writes spliced line <paramref name="index"/>'s value; returns the byte count.</summary>
    internal int WriteSpliced(int index, Span<byte> destination)
    {
        ref var e = ref _entries[index];
        var raw = _source.Span.Slice(e.ValueStart, e.ValueLength);
        var at = e.RportAt;
        raw[..at].CopyTo(destination);
        var pos = at;
        if (at > 0)
        {
            destination[pos++] = (byte)'=';
            Utf8Formatter.TryFormat(e.Rport, destination[pos..], out var digits);
            pos += digits;
        }

        raw[at..].CopyTo(destination[pos..]);
        pos += raw.Length - at;
        if (e.SuffixSlot >= 0)
        {
            var suffix = Suffix(e.Splice);
            suffix.CopyTo(destination[pos..]);
            pos += suffix.Length;
            pos += Encoding.UTF8.GetBytes(_built![e.SuffixSlot], destination[pos..]);
        }

        return pos;
    }

    /// <summary>The text of spliced line <paramref name="index"/> (only when something reads it).</summary>
    [SkipLocalsInit]
    private string SplicedValue(int index)
    {
        var length = SplicedLength(index);
        var bytes = length <= StackBytes ? stackalloc byte[StackBytes] : new byte[length];
        return Encoding.UTF8.GetString(bytes[..WriteSpliced(index, bytes)]);
    }

    private static ReadOnlySpan<byte> Suffix(HeaderSplice splice) => splice == HeaderSplice.ToTag ? ";tag="u8 : ";received="u8;
}
