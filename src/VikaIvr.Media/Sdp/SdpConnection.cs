using System.Net;

namespace VikaIvr.Media.Sdp;

/// <summary>A "c=" line (RFC 4566 5.7).</summary>
public sealed record SdpConnection(string NetType, string AddressType, string Address)
{
    public static SdpConnection For(IPAddress address)
        => new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    /// <summary>The RFC 2543 hold form: connection address 0.0.0.0 (or :: for IPv6).</summary>
    public bool IsHoldAddress => TryGetAddress(out var a) && (a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any));

    public bool TryGetAddress(out IPAddress address)
    {
        // Multicast forms carry "/ttl"; only the address part matters here.
        int slash = Address.IndexOf('/');
        var text = slash < 0 ? Address.AsSpan() : Address.AsSpan(0, slash);
        return IPAddress.TryParse(text, out address!);
    }

    public override string ToString() => $"{NetType} {AddressType} {Address}";
}
