using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Session;

/// <summary>
/// The address an allocator binds its sockets to, one port after another, as one reused socket
/// address: <see cref="Socket.Bind"/> serializes an <see cref="IPEndPoint"/> afresh each time
/// (an endpoint and a socket address, about 100 bytes a socket), while any other endpoint is
/// asked for its own <see cref="Serialize"/>, which the bind only reads. Its owner's lock guards
/// <see cref="Port"/> from one bind to the next. A socket keeps it only to make its
/// <see cref="Socket.LocalEndPoint"/> (an <see cref="IPEndPoint"/>, through <see cref="Create"/>).
/// </summary>
internal sealed class RtpBindEndPoint : EndPoint
{
    private readonly SocketAddress _address;

    public RtpBindEndPoint(IPAddress address)
    {
        Address = address;
        _address = new IPEndPoint(address, 0).Serialize();
    }

    public IPAddress Address { get; }

    /// <summary>The port the next bind takes (sockaddr_in and sockaddr_in6 both keep it, big-endian, at bytes 2-3).</summary>
    public int Port
    {
        set => System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(_address.Buffer.Span[2..], (ushort)value);
    }

    public override AddressFamily AddressFamily => _address.Family;

    public override SocketAddress Serialize() => _address;

    public override EndPoint Create(SocketAddress socketAddress)
        => new IPEndPoint(_address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(socketAddress);
}
