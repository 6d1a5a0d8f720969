using System.Buffers;
using System.Text;

namespace VikaIvr.Media.Sdp;

/// <summary>A UTF-8 SDP body as characters: in the caller's stack buffer, or a pooled array beyond it (given back on dispose).</summary>
internal ref struct SdpUtf8Text
{
    public const int StackLimit = 2048;

    private char[]? _rented;

    public SdpUtf8Text(ReadOnlySpan<byte> utf8, Span<char> stack)
    {
        int max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        Span<char> chars = max <= stack.Length ? stack : (_rented = ArrayPool<char>.Shared.Rent(max));
        Chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
    }

    public ReadOnlySpan<char> Chars { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
