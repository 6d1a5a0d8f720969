using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Testing.Caller;

/// <summary>
/// What test callers share, as the server's calls do: one SIP transport and user agent, one media
/// clock (pacer), one media receiver and one RTP port range. `vika call` makes one per call; the
/// load tester one for all its calls, so a call costs its sessions and no threads or sockets more.
/// </summary>
public sealed class TestCallerStack : IAsyncDisposable
{
    private TestCallerStack(IPAddress local, SipTransport transport, SipUserAgent agent, MediaClock clock, MediaReceiver? receiver, RtpPortAllocator ports,
        SharedRtpPort? shared)
    {
        Shared = shared;
        Local = local;
        Transport = transport;
        Agent = agent;
        Clock = clock;
        Receiver = receiver;
        Ports = ports;
    }

    /// <summary>The address SIP and RTP are bound to.</summary>
    public IPAddress Local { get; }

    public SipTransport Transport { get; }

    public SipUserAgent Agent { get; }

    public MediaClock Clock { get; }

    /// <summary>The shared media receiver (Linux); null where sessions keep their own receive loops.</summary>
    public MediaReceiver? Receiver { get; }

    public RtpPortAllocator Ports { get; }

    /// <summary>The one RTP port every call uses (<see cref="TestCallerStackOptions.SharedRtpPort"/>); null: a port pair per call.</summary>
    public SharedRtpPort? Shared { get; }

    /// <summary>Starts the shared parts on <paramref name="local"/> (a free SIP port).</summary>
    public static TestCallerStack Start(IPAddress local, TestCallerStackOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var transport = new SipTransport(new SipTransportOptions { BindAddress = local.ToString(), Port = 0, EnableUdp = true, EnableTcp = true },
            TimeProvider.System, loggers.CreateLogger<SipTransport>());
        // The same user agent core as the server's; it only places calls.
        var agentOptions = new SipUserAgentOptions { AnswerCalls = false, ServiceNumbers = [], UserAgentName = "VikaIvr-TestCaller" };
        var agent = new SipUserAgent(transport, agentOptions, new SipTimerOptions(), TimeProvider.System, loggers.CreateLogger<SipUserAgent>());
        var clockOptions = new MediaClockOptions { MaxPacerThreads = options.PacerThreads, SlotsPerPeriod = options.PacerSlots };
        var clock = new MediaClock(clockOptions, new StopwatchTickSource(clockOptions), loggers.CreateLogger<MediaClock>());
        var receiverOptions = new MediaReceiverOptions { Threads = 1, KernelTimestamps = options.KernelTimestamps, BatchInterval = options.ReceiveBatchInterval };
        var receiver = options.SharedReceiver && MediaReceiver.IsSupported
            ? new MediaReceiver(receiverOptions, loggers.CreateLogger<MediaReceiver>())
            : null;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = options.RtpPortMin, MaxPort = options.RtpPortMax });
        var shared = receiver is not null && options.SharedRtpPort > 0 ? new SharedRtpPort(local, options.SharedRtpPort, receiver) : null;
        var stack = new TestCallerStack(local, transport, agent, clock, receiver, ports, shared);
        clock.Start();
        receiver?.Start();
        agent.Start();
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync().ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        Shared?.Dispose();
        Receiver?.Dispose();
        Clock.Dispose();
    }
}
