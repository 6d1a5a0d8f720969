using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// UDP and TCP on one port, TLS on its own (when configured), IPv4 and IPv6. Receive loops parse and enqueue only; a single
/// dispatcher hands messages to the core, so a slow application never stalls a socket.
/// </summary>
public sealed partial class SipTransport : ISipTransport
{
    private const int EphemeralAttempts = 16;

    private readonly SipTransportOptions _options;
    private readonly ILogger _logger;
    private readonly SipUdpTransport? _udp;
    private readonly SipTcpTransport? _tcp;
    private readonly SipTcpTransport? _tls;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private SipInboundQueue? _queue;

    public SipTransport(SipTransportOptions options, TimeProvider time, ILogger<SipTransport> logger)
    {
        _options = options;
        _logger = logger;
        var parserOptions = new SipParserOptions { MaxMessageSize = options.MaxMessageSize, MaxHeaders = options.MaxHeaders };
        var (bind, dualMode) = ResolveBind(options.BindAddress);
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port;
            SipUdpTransport? udp = null;
            try
            {
                if (options.EnableUdp)
                {
                    udp = new SipUdpTransport(bind, dualMode, port, parserOptions, options.MaxMessageSize, logger);
                    port = udp.LocalEndPoint.Port;
                }

                _tcp = options.EnableTcp ? new SipTcpTransport(bind, dualMode, port, null, options, parserOptions, time, logger) : null;
                _udp = udp;
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && options.Port == 0 && udp is not null && attempt < EphemeralAttempts)
            {
                // Any free port was asked for: the kernel's free UDP port can be a TCP port in use
                // (another socket's ephemeral port); take another pair.
                udp.Dispose();
            }
            catch
            {
                udp?.Dispose();
                throw;
            }
        }

        if (options.Tls is { } tls)
        {
            try
            {
                _tls = new SipTcpTransport(bind, dualMode, tls.Port, new SipTlsAuthenticator(tls, logger), options, parserOptions, time, logger);
            }
            catch
            {
                _udp?.Dispose();
                _tcp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }
    }

    public void Start(ISipInboundHandler handler)
    {
        if (_queue is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _queue = new SipInboundQueue(_options.ReceiveQueueCapacity, _logger);
        _loops.Add(_queue.StartDispatcher(handler));
        if (_udp is not null)
        {
            _loops.Add(_udp.StartReceiving(_queue, _stopping.Token));
            LogListeningUdp(_udp.LocalEndPoint);
        }

        if (_tcp is not null)
        {
            // Attached before the loop runs, so a request sent right after Start (an outgoing call)
            // can open its connection at once.
            _tcp.Attach(_queue, _stopping.Token);
            _loops.Add(Task.Run(() => _tcp.AcceptLoopAsync(_queue, _stopping.Token)));
            LogListeningTcp(_tcp.LocalEndPoint);
        }

        if (_tls is not null)
        {
            _tls.Attach(_queue, _stopping.Token);
            _loops.Add(Task.Run(() => _tls.AcceptLoopAsync(_queue, _stopping.Token)));
            var certificate = _tls.Tls!.Certificate;
            LogListeningTls(_tls.LocalEndPoint, certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
    }

    public bool Send(SipMessage message, SipEndPoint destination)
    {
        try
        {
            return destination.Protocol switch
            {
                SipTransportProtocol.Tcp => _tcp?.Send(message, destination) ?? false,
                SipTransportProtocol.Tls => _tls?.Send(message, destination) ?? false,
                _ => _udp?.Send(message, destination.Address) ?? false,
            };
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, destination);
            return false;
        }
    }

    /// <summary>Accepted TCP connections from <paramref name="address"/> now (what Sip:MaxTcpConnectionsPerSource caps).</summary>
    public int TcpConnectionsFrom(IPAddress address) => _tcp?.ConnectionsFrom(address) ?? 0;

    /// <summary>Accepted TLS connections from <paramref name="address"/> now (under the same per-source cap as TCP).</summary>
    public int TlsConnectionsFrom(IPAddress address) => _tls?.ConnectionsFrom(address) ?? 0;

    public IPEndPoint? GetLocalEndPoint(SipTransportProtocol protocol) => protocol switch
    {
        SipTransportProtocol.Tcp => _tcp?.LocalEndPoint,
        SipTransportProtocol.Tls => _tls?.LocalEndPoint,
        _ => _udp?.LocalEndPoint,
    };

    public void SetServerName(IPEndPoint address, string host) => _tls?.Tls!.SetServerName(address, host);

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _udp?.Dispose();
        if (_tcp is not null)
        {
            await _tcp.DisposeAsync().ConfigureAwait(false);
        }

        if (_tls is not null)
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }

        _queue?.Complete();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogSlowStop();
        }

        _queue?.Dispose();
        _stopping.Dispose();
    }

    private static (IPAddress Address, bool DualMode) ResolveBind(string? bindAddress)
    {
        if (string.IsNullOrWhiteSpace(bindAddress))
        {
            return Socket.OSSupportsIPv6 ? (IPAddress.IPv6Any, true) : (IPAddress.Any, false);
        }

        if (!SipAddress.TryParseHost(bindAddress.Trim(), out var address))
        {
            throw new ArgumentException("Sip bind address is not an IP address: " + bindAddress, nameof(bindAddress));
        }

        return (address, address.Equals(IPAddress.IPv6Any));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip listening on UDP {EndPoint}")]
    private partial void LogListeningUdp(IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip listening on TCP {EndPoint}")]
    private partial void LogListeningTcp(IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip listening on TLS {EndPoint}, certificate {Subject} valid until {NotAfter:u}")]
    private partial void LogListeningTls(IPEndPoint endPoint, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip send to {Destination} failed")]
    private partial void LogSendFailed(Exception exception, SipEndPoint destination);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip transport loops did not stop in time")]
    private partial void LogSlowStop();
}
