using System.Numerics;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Walks a comma list item by item without allocating (<c>foreach (var item in SipList.Items(text))</c>);
/// items are LWS trimmed and empty ones skipped. Where an item ends is <see cref="SipList.SeparatorIndex{T}"/>.
/// </summary>
internal ref struct SipListScanner<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private readonly ReadOnlySpan<T> _text;
    private int _next;
    private int _start;
    private int _length;

    public SipListScanner(ReadOnlySpan<T> text)
    {
        _text = text;
    }

    /// <summary>The current item.</summary>
    public readonly ReadOnlySpan<T> Current => _text.Slice(_start, _length);

    /// <summary>Where the current item lies in the scanned text.</summary>
    public readonly Range CurrentRange => _start..(_start + _length);

    public readonly SipListScanner<T> GetEnumerator() => this;

    public bool MoveNext()
    {
        var comma = T.CreateTruncating(',');
        while (_next < _text.Length)
        {
            var from = _next;
            var rest = _text[from..];
            var end = SipList.SeparatorIndex(rest, comma, comma, angleBrackets: true);
            _next = from + end + 1;
            var (offset, length) = SipList.LwsTrimmed(rest[..end]).GetOffsetAndLength(end);
            if (length > 0)
            {
                _start = from + offset;
                _length = length;
                return true;
            }
        }

        return false;
    }
}
