using System.Net;
using System.Net.Sockets;

namespace VikaIvr.Media.Session;

/// <summary>
/// Hands out even RTP ports (with RTP + 1 for RTCP) from the configured range, round-robin so a
/// just-released port is not reused at once (late packets of the old call would bleed in).
/// Ports taken by other processes are skipped.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly RtpPortAllocatorOptions _options;
    private readonly HashSet<int> _inUse = [];
    private readonly Lock _gate = new();
    // Made once: a method group passed per lease would make a delegate for every call.
    private readonly Action<int> _release;
    private readonly int _first;
    private readonly int _pairs;
    private int _next;
    private RtpBindEndPoint? _bindTo;   // under the gate: the last address bound to, its socket address reused

    public RtpPortAllocator(RtpPortAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _first = (options.MinPort + 1) & ~1;
        int last = options.MaxPort - 1;
        if (_first < 1024 || last > 65535 || last <= _first)
        {
            throw new ArgumentException($"Invalid RTP port range {options.MinPort}-{options.MaxPort}.", nameof(options));
        }

        _pairs = ((last - _first) / 2) + 1;
        _release = Release;
    }

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse.Count;
            }
        }
    }

    public int Capacity => _pairs;

    /// <summary>Binds a socket pair on <paramref name="bindAddress"/> (IPv4 or IPv6).</summary>
    /// <exception cref="InvalidOperationException">Every port in the range is busy.</exception>
    public RtpPortLease Allocate(IPAddress bindAddress)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        lock (_gate)
        {
            for (int attempt = 0; attempt < _pairs; attempt++)
            {
                int port = _first + (2 * _next);
                _next = (_next + 1) % _pairs;
                if (_inUse.Contains(port))
                {
                    continue;
                }

                Socket? rtp = null;
                Socket? rtcp = null;
                try
                {
                    rtp = Bind(bindAddress, port);
                    rtcp = Bind(bindAddress, port + 1);
                    _inUse.Add(port);
                    return new RtpPortLease(rtp, rtcp, port, _release);
                }
                catch (SocketException)
                {
                    rtp?.Dispose();
                    rtcp?.Dispose();
                }
            }
        }

        throw new InvalidOperationException($"No free RTP port in {_options.MinPort}-{_options.MaxPort}.");
    }

    private void Release(int port)
    {
        lock (_gate)
        {
            _inUse.Remove(port);
        }
    }

    /// <summary>Under the gate.</summary>
    private Socket Bind(IPAddress address, int port)
    {
        if (_bindTo is null || !_bindTo.Address.Equals(address))
        {
            _bindTo = new RtpBindEndPoint(address);
        }

        _bindTo.Port = port;
        return RtpSockets.Bind(address, _bindTo, _options.ReceiveBufferBytes);
    }
}
