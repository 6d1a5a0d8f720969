using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// The TCP listener and the table of live connections (inbound and outbound) for reuse; with a
/// <see cref="SipTlsAuthenticator"/> the TLS listener, the same connections over TLS under the same limits.
/// </summary>
internal sealed partial class SipTcpTransport : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly SipTransportOptions _options;
    private readonly SipParserOptions _parserOptions;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SipTlsAuthenticator? _tls;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly Dictionary<IPAddress, int> _perSource = [];
    private readonly Lock _perSourceLock = new();
    private long _nextId;
    private SipInboundQueue? _queue;
    private CancellationToken _stopping;

    public SipTcpTransport(IPAddress bind, bool dualMode, int port, SipTlsAuthenticator? tls, SipTransportOptions options, SipParserOptions parserOptions, TimeProvider time, ILogger logger)
    {
        _tls = tls;
        _options = options;
        _time = time;
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

    public SipTlsAuthenticator? Tls => _tls;

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

            var remote = SipAddress.Normalize((IPEndPoint)socket.RemoteEndPoint!);
            if (!TryTakeSourceSlot(remote.Address))
            {
                // Debug only: a source holding its cap would otherwise write a line per connection attempt.
                LogSourceLimit(_options.MaxTcpConnectionsPerSource, remote);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            Run(new SipTcpConnection(Interlocked.Increment(ref _nextId), remote, socket, _tls, _options, _parserOptions, _time, _logger), countedSource: true);
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

        var connection = new SipTcpConnection(Interlocked.Increment(ref _nextId), destination.Address, null, _tls, _options, _parserOptions, _time, _logger);
        var queued = connection.Send(message);
        Run(connection, countedSource: false);
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

    /// <summary>Accepted connections from <paramref name="address"/> open now (their deadlines running), for tests and diagnostics.</summary>
    public int ConnectionsFrom(IPAddress address) =>
        _connections.Values.Count(c => c.IsInbound && !c.IsClosed && c.Remote.Address.Equals(address));

    private bool TryTakeSourceSlot(IPAddress address)
    {
        lock (_perSourceLock)
        {
            var held = _perSource.GetValueOrDefault(address);
            if (_options.MaxTcpConnectionsPerSource > 0 && held >= _options.MaxTcpConnectionsPerSource)
            {
                return false;
            }

            _perSource[address] = held + 1;
            return true;
        }
    }

    private void ReleaseSourceSlot(IPAddress address)
    {
        lock (_perSourceLock)
        {
            if (_perSource.TryGetValue(address, out var held) && held > 1)
            {
                _perSource[address] = held - 1;
            }
            else
            {
                _perSource.Remove(address);
            }
        }
    }

    private void Run(SipTcpConnection connection, bool countedSource)
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
                if (countedSource)
                {
                    ReleaseSourceSlot(connection.Remote.Address);
                }
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP accept error {Error} ignored")]
    private partial void LogAcceptError(SocketError error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip TCP per-source connection limit {Limit} reached; refusing {Remote}")]
    private partial void LogSourceLimit(int limit, IPEndPoint remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip TCP connection limit {Limit} reached; refusing {Remote}")]
    private partial void LogConnectionLimit(int limit, EndPoint? remote);
}
