using System.Globalization;
using System.Net;
using System.Text;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// Writes SDP text as UTF-8 into a caller's buffer, numbers and addresses formatted in place (the
/// interpolated UTF-8 writer boxes each number it formats). <see cref="Ok"/> turns false, for good,
/// once something did not fit.
/// </summary>
internal ref struct SdpBodyWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Length { get; private set; }

    public bool Ok { get; private set; } = true;

    public void Text(ReadOnlySpan<char> text)
    {
        if (Ok && Encoding.UTF8.TryGetBytes(text, _destination[Length..], out int n))
        {
            Length += n;
        }
        else
        {
            Ok = false;
        }
    }

    public void Number(ulong value)
    {
        if (Ok && value.TryFormat(_destination[Length..], out int n, default, CultureInfo.InvariantCulture))
        {
            Length += n;
        }
        else
        {
            Ok = false;
        }
    }

    public void Address(IPAddress address)
    {
        if (Ok && address.TryFormat(_destination[Length..], out int n))
        {
            Length += n;
        }
        else
        {
            Ok = false;
        }
    }
}
