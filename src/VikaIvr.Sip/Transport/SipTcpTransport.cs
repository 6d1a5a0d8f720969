using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>The TCP listener and the table of live connections (inbound and outbound) for reuse.</summary>
internal sealed partial class SipTcpTransport : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly SipTransportOptions _options;
    private readonly SipParserOptions _parserOptions;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private long _nextId;
    private SipInboundQueue? _queue;
    private CancellationToken _stopping;

    public SipTcpTransport(IPAddress bind, bool dualMode, int port, SipTransportOptions options, SipParserOptions parserOptions, ILogger logger)
    {
        _options = options;
        _parserOptions = parserOptions;
        _logger = logger;
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (dualMode)
        {
            _listener.DualMode = true;
        }

        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(new IPEndPoint(bind, port));
        _listener.Listen(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public int ConnectionCount => _connections.Count;

    /// <summary>Makes the transport able to open outgoing connections before the accept loop starts.</summary>
    public void Attach(SipInboundQueue queue, CancellationToken ct)
    {
        _queue = queue;
        _stopping = ct;
    }

    public async Task AcceptLoopAsync(SipInboundQueue queue, CancellationToken ct)
    {
        Attach(queue, ct);
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(ct).ConfigureAwait(false);
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
                LogAcceptError(ex.SocketErrorCode);
                continue;
            }

            if (_connections.Count >= _options.MaxTcpConnections)
            {
                LogConnectionLimit(_options.MaxTcpConnections, socket.RemoteEndPoint);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var remote = SipAddress.Normalize((IPEndPoint)socket.RemoteEndPoint!);
            Run(new SipTcpConnection(Interlocked.Increment(ref _nextId), remote, socket, _options, _parserOptions, _logger));
        }
    }

    /// <summary>
    /// Sends over the named connection when alive, else over any live connection to the same
    /// address, else over a new outbound connection (RFC 3261 18.2.2).
    /// </summary>
    public bool Send(SipMessage message, SipEndPoint destination)
    {
        if (destination.ConnectionId != 0 && _connections.TryGetValue(destination.ConnectionId, out var byId) && !byId.IsClosed)
        {
            return byId.Send(message);
        }

        foreach (var c in _connections.Values)
        {
            if (!c.IsClosed && c.Remote.Equals(destination.Address))
            {
                return c.Send(message);
            }
        }

        if (_queue is null || _stopping.IsCancellationRequested)
        {
            return false;
        }

        var connection = new SipTcpConnection(Interlocked.Increment(ref _nextId), destination.Address, null, _options, _parserOptions, _logger);
        var queued = connection.Send(message);
        Run(connection);
        return queued;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        foreach (var c in _connections.Values)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Run(SipTcpConnection connection)
    {
        _connections[connection.Id] = connection;
        _ = Task.Run(async () =>
        {
            try
            {
                await connection.RunAsync(_queue!, _stopping).ConfigureAwait(false);
            }
            finally
            {
                _connections.TryRemove(connection.Id, out _);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP accept error {Error} ignored")]
    private partial void LogAcceptError(SocketError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip TCP connection limit {Limit} reached; refusing {Remote}")]
    private partial void LogConnectionLimit(int limit, EndPoint? remote);
}
