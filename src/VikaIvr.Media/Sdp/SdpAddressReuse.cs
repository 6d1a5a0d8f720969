using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// The last IPv4 address an offer's c= line named, handed to the next offer that names it again:
/// the calls through one SBC or trunk all name the same one, and each would otherwise parse a new
/// one (40 bytes a call). One for all calls (<see cref="SdpOfferAnswerOptions"/>); two offers racing
/// only replace it. Only IPv4 is reused: such an address has nothing to change but the obsolete
/// <see cref="IPAddress.Address"/> setter (its scope id throws), so sharing it is safe.
/// </summary>
internal sealed class SdpAddressReuse
{
    private volatile IPAddress? _last;

    /// <summary>As <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>, the same address for the same plain dotted quad.</summary>
    public bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out IPAddress? address)
    {
        if (!TryReadDottedQuad(text, out uint value))
        {
            // Any other form (IPv6, or IPv4 as IPAddress also reads it: octal, hex, fewer parts): parsed as before.
            return IPAddress.TryParse(text, out address);
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        Span<byte> lastBytes = stackalloc byte[16];
        if (_last is { } last && last.TryWriteBytes(lastBytes, out int written) && lastBytes[..written].SequenceEqual(bytes))
        {
            address = last;
            return true;
        }

        address = new IPAddress(bytes);
        _last = address;
        return true;
    }

    /// <summary>Four decimal parts 0-255 without leading zeros: the form IPAddress reads as plain decimal.</summary>
    private static bool TryReadDottedQuad(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        int parts = 0;
        int i = 0;
        while (parts < 4)
        {
            int start = i;
            uint part = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                part = (part * 10) + (uint)(text[i] - '0');
                i++;
            }

            int digits = i - start;
            if (digits == 0 || part > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            value = (value << 8) | part;
            parts++;
            if (parts < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == text.Length;
    }
}
