using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Sip.Core;

/// <summary>An address range such as <c>10.0.0.0/8</c> or <c>2001:db8::/32</c>; a bare address is a /32 or /128.</summary>
public readonly record struct SipCidr(IPAddress Network, int PrefixLength)
{
    public static SipCidr Parse(string text)
    {
        var slash = text.IndexOf('/');
        var address = IPAddress.Parse(slash < 0 ? text.Trim() : text[..slash].Trim());
        var max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = slash < 0 ? max : int.Parse(text.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix, max);
        ArgumentOutOfRangeException.ThrowIfNegative(prefix);
        return new SipCidr(address, prefix);
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        Network.TryWriteBytes(n, out _);
        var bits = PrefixLength;
        for (var i = 0; i < length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (n[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
