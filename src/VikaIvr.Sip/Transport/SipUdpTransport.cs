using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>The UDP socket: one receive thread that only parses, and direct non-blocking sends.</summary>
internal sealed partial class SipUdpTransport : IDisposable
{
    private readonly Socket _socket;
    private readonly SipParserOptions _parserOptions;
    private readonly ILogger _logger;
    private readonly int _bufferSize;

    // Bound to one address: every datagram's local end point (no packet information needed).
    private readonly IPEndPoint? _boundLocal;

    public SipUdpTransport(IPAddress bind, bool dualMode, int port, SipParserOptions parserOptions, int maxMessageSize, ILogger logger)
    {
        _parserOptions = parserOptions;
        _logger = logger;
        _bufferSize = maxMessageSize + 1;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (dualMode)
        {
            _socket.DualMode = true;
        }

        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
        }

        if (bind.AddressFamily == AddressFamily.InterNetwork || dualMode)
        {
            _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
        }

        _socket.ReceiveBufferSize = Math.Max(_socket.ReceiveBufferSize, 1 << 20);
        _socket.Bind(new IPEndPoint(bind, port));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _received = new SocketAddress(LocalEndPoint.AddressFamily);
        _sender = new SocketAddress(LocalEndPoint.AddressFamily);
        if (!dualMode && !bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any))
        {
            _boundLocal = new IPEndPoint(SipAddress.Normalize(LocalEndPoint.Address), LocalEndPoint.Port);
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Starts the receive thread: blocking reads, parse, enqueue. A thread of its own (not a
    /// thread-pool continuation per datagram) so SIP is read at once however busy the pool is.
    /// The task ends when <paramref name="ct"/> is cancelled (seen within <see cref="StopPoll"/>) or the socket is closed.
    /// </summary>
    public Task StartReceiving(SipInboundQueue queue, CancellationToken ct)
    {
        return SipThread.Start("sip-udp-rx", () => ReceiveLoop(queue, ct));
    }

    /// <summary>How often a blocked receive wakes to see a stop.</summary>
    private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(200);

    private void ReceiveLoop(SipInboundQueue queue, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            _socket.ReceiveTimeout = (int)StopPoll.TotalMilliseconds;
            while (!ct.IsCancellationRequested)
            {
                int length;
                IPEndPoint remote, local;
                try
                {
                    if (_boundLocal is { } bound)
                    {
                        length = _socket.ReceiveFrom(buffer.AsSpan(0, _bufferSize), SocketFlags.None, _received);
                        remote = Sender(bound);
                        local = bound;
                    }
                    else
                    {
                        var flags = SocketFlags.None;
                        var from = any;
                        length = _socket.ReceiveMessageFrom(buffer.AsSpan(0, _bufferSize), ref flags, ref from, out var packet);
                        remote = SipAddress.Normalize((IPEndPoint)from);
                        var localAddress = packet.Address is { } a && !a.Equals(IPAddress.None) && !a.Equals(IPAddress.IPv6None)
                            ? SipAddress.Normalize(a)
                            : LocalEndPoint.Address;
                        local = new IPEndPoint(localAddress, LocalEndPoint.Port);
                    }
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
                {
                    continue; // the stop poll
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown)
                {
                    break; // closed while blocked
                }
                catch (SocketException ex)
                {
                    // ICMP port unreachable from an earlier send surfaces here on Linux; the socket is still fine.
                    LogReceiveError(ex.SocketErrorCode);
                    continue;
                }

                try
                {
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

    public bool Send(SipMessage message, IPEndPoint destination)
    {
        var length = SipSerializer.Measure(message);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = SipSerializer.Write(message, buffer.AsSpan());
            _socket.SendTo(buffer.AsSpan(0, written), SocketFlags.None, destination);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            LogSendFailed(destination, ex.Message);
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _socket.Dispose();

    private void Handle(ReadOnlySpan<byte> datagram, IPEndPoint remote, IPEndPoint local, SipInboundQueue queue)
    {
        var source = new SipEndPoint(SipTransportProtocol.Udp, remote);
        if (IsKeepAlive(datagram))
        {
            return;
        }

        if (datagram.Length >= _bufferSize)
        {
            queue.Enqueue(null, new SipParseError("Message Too Large", 513), source, local);
            return;
        }

        // The span overload copies the datagram once into an exact-size array the message owns: the
        // receive buffer is reused at once, while a transaction may keep the message for retransmissions.
        if (SipParser.TryParse(datagram, _parserOptions, out var message, out var error))
        {
            queue.Enqueue(message, null, source, local);
        }
        else
        {
            queue.Enqueue(null, error, source, local);
        }
    }

    /// <summary>CRLF pings (RFC 5626) and stray whitespace are not messages.</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) =>
        datagram.TrimStart("\r\n \t\0"u8).IsEmpty;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip UDP receive error {Error} ignored")]
    private partial void LogReceiveError(SocketError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sip UDP datagram handling failed")]
    private partial void LogHandlingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip UDP send to {Destination} failed: {Error}")]
    private partial void LogSendFailed(IPEndPoint destination, string error);
}
