using System.Net;

namespace VikaIvr.Sip.Transport;

/// <summary>Address helpers shared by the transports and the router.</summary>
public static class SipAddress
{
    /// <summary>IPv4-mapped IPv6 addresses (from dual-mode sockets) as plain IPv4.</summary>
    public static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Parses a host as an IP literal; IPv6 references may carry brackets.</summary>
    public static bool TryParseHost(string host, out IPAddress address)
    {
        var span = host.AsSpan();
        if (span.Length > 2 && span[0] == '[' && span[^1] == ']')
        {
            span = span[1..^1];
        }

        if (IPAddress.TryParse(span, out var parsed))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>The host as written in Via/Contact: IPv6 in brackets.</summary>
    public static string FormatHost(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
}
