using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// The receive loop of a socket bound to one address: its datagrams' local address is that one,
/// so it reads with <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>,
/// which allocates nothing per datagram (no end point, no packet information, a reused operation),
/// and keeps the sender's end point while the next datagram comes from the same address.
/// </summary>
internal sealed partial class SipUdpTransport
{
    private async Task ReceiveFromLoopAsync(IPEndPoint local, SipInboundQueue queue, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        var received = new SocketAddress(LocalEndPoint.AddressFamily);
        var last = new SocketAddress(LocalEndPoint.AddressFamily);
        IPEndPoint? remote = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await _socket.ReceiveFromAsync(buffer.AsMemory(0, _bufferSize), SocketFlags.None, received, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    // ICMP port unreachable from an earlier send surfaces here on Linux; the socket is still fine.
                    LogReceiveError(ex.SocketErrorCode);
                    continue;
                }

                try
                {
                    if (remote is null || !received.Equals(last))
                    {
                        remote = SipAddress.Normalize((IPEndPoint)local.Create(received));
                        received.Buffer.Span[..received.Size].CopyTo(last.Buffer.Span);
                        last.Size = received.Size;
                    }

                    Handle(buffer.AsSpan(0, length), remote, local, queue);
                }
                catch (Exception ex)
                {
                    LogHandlingFailed(ex);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
