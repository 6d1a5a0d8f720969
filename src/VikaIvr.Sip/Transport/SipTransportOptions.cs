namespace VikaIvr.Sip.Transport;

/// <summary>Where and how the SIP transports listen.</summary>
public sealed class SipTransportOptions
{
    /// <summary>IP address to bind; null or empty means all interfaces, IPv4 and IPv6 (dual-mode).</summary>
    public string? BindAddress { get; set; }

    /// <summary>UDP and TCP port; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 5060;

    public bool EnableUdp { get; set; } = true;

    public bool EnableTcp { get; set; } = true;

    public int MaxMessageSize { get; set; } = 65535;

    public int MaxHeaders { get; set; } = 128;

    /// <summary>Parsed messages waiting for the core; beyond this, new ones are dropped (UDP peers retransmit).</summary>
    public int ReceiveQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// A TCP connection with no complete message for this long is closed. Only a whole message
    /// restarts the timer, never a read, so a trickle of bytes cannot keep a connection open.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The idle limit of an accepted connection on which we answered an INVITE with a 2xx: it carries a
    /// call, and a call may pass its whole length without a SIP message (our BYE must still reach a
    /// caller whose Contact is not reachable but through this connection). Set it past the longest call.
    /// </summary>
    public TimeSpan TcpCallIdleTimeout { get; set; } = TimeSpan.FromMinutes(61);

    /// <summary>An accepted TCP connection that has sent no complete message within this is closed.</summary>
    public TimeSpan TcpFirstMessageTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxTcpConnections { get; set; } = 1024;

    /// <summary>Accepted TCP connections from one address at once; beyond it new ones are closed at accept (0: no per-source cap).</summary>
    public int MaxTcpConnectionsPerSource { get; set; } = 32;

    /// <summary>Queued outgoing messages per TCP connection before the connection is declared stuck and closed.</summary>
    public int TcpSendQueueCapacity { get; set; } = 256;

    /// <summary>SIP over TLS on its own port, with the TCP framing and limits above; null: no TLS.</summary>
    public SipTlsOptions? Tls { get; set; }
}
