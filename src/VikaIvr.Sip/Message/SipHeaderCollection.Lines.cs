using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>Reads of single lines for the parser, serializer and typed views: strings on demand, or raw bytes.</summary>
public sealed partial class SipHeaderCollection
{
    private const int StackChars = 256;

    internal string NameAt(int index)
    {
        ref var e = ref _entries[index];
        if (!e.IsRaw)
        {
            return e.HasOwnName ? _built![e.NameStart] : SipHeaderNames.GetName(e.Id);
        }

        var cache = _decodedNames ??= new string?[_count];
        return cache[index] ??= Encoding.ASCII.GetString(_source.Span.Slice(e.NameStart, e.NameLength));
    }

    internal string ValueAt(int index)
    {
        ref var e = ref _entries[index];
        if (!e.IsRaw && !e.IsSpliced)
        {
            return _built![e.ValueSlot];
        }

        var cache = _decodedValues ??= new string?[_count];
        return cache[index] ??= e.IsSpliced ? SplicedValue(index) : SipText.DecodeValue(_source.Span.Slice(e.ValueStart, e.ValueLength));
    }

    /// <summary>The raw value bytes of a parsed, unmodified line (folding included); empty otherwise.</summary>
    internal ReadOnlySpan<byte> RawValueAt(int index)
    {
        ref var e = ref _entries[index];
        return e.IsRaw ? _source.Span.Slice(e.ValueStart, e.ValueLength) : default;
    }

    /// <summary>
    /// Parses the first line's value from chars on the stack when it is a short, unfolded parsed
    /// line, so typed views need no value string; otherwise from the decoded string.
    /// </summary>
    internal T? ParseFirst<T>(SipHeaderId id, Func<ReadOnlySpan<char>, T?> parse)
        where T : class
    {
        var i = IndexOf(id, null, 0);
        return i < 0 ? null : ParseAt(i, parse);
    }

    /// <summary>Parses line <paramref name="index"/>'s value as <see cref="ParseFirst"/> does.</summary>
    [SkipLocalsInit]
    internal T? ParseAt<T>(int index, Func<ReadOnlySpan<char>, T?> parse)
        where T : class
    {
        ref var e = ref _entries[index];
        if (e.IsRaw && e.ValueLength <= StackChars)
        {
            var raw = _source.Span.Slice(e.ValueStart, e.ValueLength);
            if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
            {
                Span<char> chars = stackalloc char[StackChars];
                var n = Encoding.UTF8.GetChars(raw, chars);
                return parse(chars[..n]);
            }
        }

        return parse(ValueAt(index));
    }

    /// <summary>
    /// True when an item of the header's lines is <paramref name="token"/> (ignoring case and
    /// white space), as a trimmed comparison over <see cref="GetAll(SipHeaderId)"/> would say, without its strings.
    /// </summary>
    internal bool HasToken(SipHeaderId id, string token)
    {
        for (var i = IndexOf(id, null, 0); i >= 0; i = IndexOf(id, null, i + 1))
        {
            ref var e = ref _entries[i];
            var raw = e.IsRaw ? _source.Span.Slice(e.ValueStart, e.ValueLength) : default;
            if (e.IsRaw && raw.IndexOfAny((byte)'\r', (byte)'\n') < 0 && Ascii.IsValid(raw))
            {
                foreach (var item in SipList.Items(raw))
                {
                    if (Ascii.EqualsIgnoreCase(item[Ascii.Trim(item)], token))
                    {
                        return true;
                    }
                }
            }
            else
            {
                foreach (var item in SipList.Items(ValueAt(i).AsSpan()))
                {
                    if (item.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>How many list items (RFC 3261 7.3.1) line <paramref name="index"/> holds, counted without decoding it.</summary>
    internal int ValueItemCount(int index)
    {
        var n = 0;
        ref var e = ref _entries[index];
        if (e.IsRaw && _source.Span.Slice(e.ValueStart, e.ValueLength).IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            foreach (var _ in SipList.Items(_source.Span.Slice(e.ValueStart, e.ValueLength)))
            {
                n++;
            }
        }
        else
        {
            foreach (var _ in SipList.Items(ValueAt(index).AsSpan()))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The first line's value decoded afresh (not cached here; the caller keeps it); null when absent.</summary>
    internal string? FirstValueUncached(SipHeaderId id)
    {
        var i = IndexOf(id, null, 0);
        if (i < 0)
        {
            return null;
        }

        ref var e = ref _entries[i];
        return e.IsSpliced ? ValueAt(i)
            : !e.IsRaw ? _built![e.ValueSlot]
            : _decodedValues?[i] ?? SipText.DecodeValue(_source.Span.Slice(e.ValueStart, e.ValueLength));
    }

    /// <summary>
    /// The first line's value as UTF-8 bytes (folding kept), or empty when absent: the raw bytes of a
    /// parsed line, a fresh encoding of a line set by code (built messages are not on the receive path).
    /// </summary>
    internal ReadOnlySpan<byte> FirstUtf8(SipHeaderId id)
    {
        var i = IndexOf(id, null, 0);
        if (i < 0)
        {
            return default;
        }

        ref var e = ref _entries[i];
        return e.IsRaw ? _source.Span.Slice(e.ValueStart, e.ValueLength) : Encoding.UTF8.GetBytes(ValueAt(i));
    }

    /// <summary>The first line's raw value bytes when it is a parsed, unchanged line; empty otherwise (absent or built).</summary>
    internal ReadOnlySpan<byte> FirstRawValue(SipHeaderId id)
    {
        var i = IndexOf(id, null, 0);
        return i < 0 ? default : RawValueAt(i);
    }

    /// <summary>The raw name bytes of a parsed line; empty for a built one.</summary>
    internal ReadOnlySpan<byte> RawNameAt(int index)
    {
        ref var e = ref _entries[index];
        return e.IsRaw ? _source.Span.Slice(e.NameStart, e.NameLength) : default;
    }
}
