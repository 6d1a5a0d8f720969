using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// One TCP connection, or a TLS one (the same connection over an <see cref="System.Net.Security.SslStream"/>):
/// reads frames by Content-Length into a bounded buffer, writes queued messages in order. Closed on
/// idle timeout, framing errors or a stuck peer; a TLS handshake runs inside the first-message limit.
/// </summary>
internal sealed partial class SipTcpConnection : IAsyncDisposable
{
    private readonly Channel<(byte[] Buffer, int Length)> _sendQueue;
    private readonly SipTransportOptions _options;
    private readonly SipParserOptions _parserOptions;
    private readonly ILogger _logger;
    private readonly ITimer _deadline;
    private volatile bool _carriesCall;
    private readonly CancellationTokenSource _closed = new();
    private readonly SipTlsAuthenticator? _tls;
    private Socket? _socket;
    private Stream? _stream;

    public SipTcpConnection(long id, IPEndPoint remote, Socket? socket, SipTlsAuthenticator? tls, SipTransportOptions options, SipParserOptions parserOptions, TimeProvider time, ILogger logger)
    {
        Id = id;
        Remote = remote;
        IsInbound = socket is not null;
        Protocol = tls is null ? SipTransportProtocol.Tcp : SipTransportProtocol.Tls;
        _socket = socket;
        _tls = tls;
        _options = options;
        _parserOptions = parserOptions;
        _logger = logger;
        _sendQueue = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(options.TcpSendQueueCapacity) { SingleReader = true });
        Local = socket?.LocalEndPoint is IPEndPoint l ? SipAddress.Normalize(l) : new IPEndPoint(IPAddress.Any, 0);
        // One timer per connection, moved only when a whole message arrives (never per read):
        // the first-message limit for an accepted connection (its TLS handshake included), then
        // the idle limit. An accepted connection's clock starts at accept; an outbound one has none:
        // we opened it (a trunk registration keeps it), and TCP keep-alive finds a dead peer.
        _deadline = time.CreateTimer(static s => ((SipTcpConnection)s!).OnDeadline(), this,
            socket is null ? Timeout.InfiniteTimeSpan : options.TcpFirstMessageTimeout, Timeout.InfiniteTimeSpan);
    }

    public long Id { get; }

    public SipTransportProtocol Protocol { get; }

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; private set; }

    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>True for a connection we accepted (not one we opened).</summary>
    public bool IsInbound { get; }

    /// <summary>True once a complete message has been read on this connection.</summary>
    public bool HasReceived { get; private set; }

    public bool Send(SipMessage message)
    {
        if (IsInbound && !_carriesCall && message is SipResponse { IsSuccess: true } response
            && string.Equals(response.CSeq?.Method, SipMethods.Invite, StringComparison.Ordinal))
        {
            // Only our answer marks a call (not what the peer writes): from now on the longer limit.
            _carriesCall = true;
            _deadline.Change(_options.TcpCallIdleTimeout, Timeout.InfiniteTimeSpan);
        }

        var length = SipSerializer.Measure(message);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        SipSerializer.Write(message, buffer.AsSpan());
        if (_sendQueue.Writer.TryWrite((buffer, length)))
        {
            return true;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        LogNotDraining(Remote);
        Close();
        return false;
    }

    /// <summary>Connects (outbound connections) and runs the read and write loops until closed.</summary>
    public async Task RunAsync(SipInboundQueue queue, CancellationToken stopping)
    {
        using var link = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closed.Token);
        try
        {
            if (_socket is null)
            {
                var socket = new Socket(Remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _socket = socket;
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(link.Token);
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await socket.ConnectAsync(Remote, connectTimeout.Token).ConfigureAwait(false);
                Local = SipAddress.Normalize((IPEndPoint)socket.LocalEndPoint!);
                _stream = _tls is null ? new NetworkStream(socket, ownsSocket: false)
                    : await _tls.AuthenticateAsync(socket, inbound: false, Remote, connectTimeout.Token).ConfigureAwait(false);
            }
            else
            {
                _stream = _tls is null ? new NetworkStream(_socket, ownsSocket: false)
                    : await _tls.AuthenticateAsync(_socket, inbound: true, Remote, link.Token).ConfigureAwait(false);
            }

            var writer = WriteLoopAsync(link.Token);
            await ReadLoopAsync(queue, link.Token).ConfigureAwait(false);
            Close();
            await writer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException or AuthenticationException)
        {
            LogEnded(Remote, ex.Message);
        }
        finally
        {
            Close();
            _deadline.Dispose();
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }

            _socket?.Dispose();
            while (_sendQueue.Reader.TryRead(out var pending))
            {
                ArrayPool<byte>.Shared.Return(pending.Buffer);
            }
        }
    }

    public void Close()
    {
        _sendQueue.Writer.TryComplete();
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _deadline.Dispose();
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReadLoopAsync(SipInboundQueue queue, CancellationToken ct)
    {
        var stream = _stream!;
        var framer = new SipStreamFramer(_parserOptions);
        // Bounded: a frame never exceeds MaxMessageSize, plus room for one read beyond it.
        var capacity = _options.MaxMessageSize + 8192;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var filled = 0;
        var source = new SipEndPoint(Protocol, Remote, Id);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled, capacity - filled), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                var consumed = 0;
                while (true)
                {
                    var frame = framer.Frame(buffer.AsSpan(consumed, filled - consumed));
                    consumed += frame.Skip;
                    if (frame.Status == SipFrameStatus.NeedMore)
                    {
                        break;
                    }

                    if (frame.Status == SipFrameStatus.Error)
                    {
                        LogStreamRefused(Remote, frame.Error);
                        queue.Enqueue(null, new SipParseError(frame.Error ?? "Bad stream", 400), source, Local);
                        return;
                    }

                    var bytes = buffer.AsSpan(consumed, frame.Length);
                    consumed += frame.Length;
                    // Copied once into an exact-size array the message owns (the stream buffer is compacted and reused).
                    if (SipParser.TryParse(bytes, _parserOptions, out var message, out var error))
                    {
                        HasReceived = true;
                        if (IsInbound)
                        {
                            _deadline.Change(_carriesCall ? _options.TcpCallIdleTimeout : _options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
                        }
                        queue.Enqueue(message, null, source, Local);
                    }
                    else
                    {
                        queue.Enqueue(null, error, source, Local);
                    }
                }

                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                if (filled == capacity)
                {
                    LogStreamTooLong(Remote);
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var stream = _stream!;
        try
        {
            await foreach (var (buffer, length) in _sendQueue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await stream.WriteAsync(buffer.AsMemory(0, length), ct).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            Close();
        }
    }

    private void OnDeadline()
    {
        LogDeadline(Remote, HasReceived ? "no complete message within the idle limit" : "no complete message within the first-message limit");
        Close();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP connection {Remote} closed: {Reason}")]
    private partial void LogDeadline(IPEndPoint remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip TCP connection {Remote} does not drain its send queue; closing")]
    private partial void LogNotDraining(IPEndPoint remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP connection {Remote} ended: {Reason}")]
    private partial void LogEnded(IPEndPoint remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP stream from {Remote} refused: {Reason}")]
    private partial void LogStreamRefused(IPEndPoint remote, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip TCP stream from {Remote} exceeded the buffer; closing")]
    private partial void LogStreamTooLong(IPEndPoint remote);
}
